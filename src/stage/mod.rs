//! The stage: the session in a browser. A projector page that draws the
//! supervision trees live, and the audience demo on real phones.
//!
//! `letitcrash serve`, `letitcrash --serve` and `stage on` in the REPL
//! start a [`Stage`] beside a session. It is a web server on threads of its
//! own, never the scheduler's, and as many whatever the number of phones:
//!
//! - the web server ([`server`]: hyper on a two-thread tokio runtime)
//!   holds every connection and open event stream ([`sse`]) as a task, and
//!   bounds what a client may send and how slowly; its routes ([`http`])
//!   answer pages, assets and the POSTs of Join and Crash; all HTML, CSS
//!   and JS is in the binary ([`assets`]);
//! - one watcher thread ([`watch`]) reads the runtime's event stream,
//!   renders the ticker lines, the tree's SVG and the audience's hall
//!   ([`hall`]: a panel per partition on the projector), and tells each
//!   phone what happened to its process;
//! - one keeper thread ([`keeper`]) brings the audience tree back when it
//!   gives up, and starts members again after their partition restarted.
//!
//! The session is not `Sync` and its thread is the presenter's. The stage
//! is its observer ([`control::StageControl`]): the session tells it what
//! only the session knows (the root supervisors, `say`, the log level, a
//! `reset`) and hands it the `stage` and `audience` commands; the stage
//! never reaches into the session. The stage's threads act on the same runtime
//! through a host process of their own ([`world`]), so a phone never waits
//! for the presenter's `sleep 5s` and the presenter never waits for a phone.
//!
//! Imports: the session (as its observer, and its public API), the views,
//! supervisors and the runtime; never a front end.

pub mod assets;
pub mod audience;
pub mod control;
mod hall;
mod http;
pub mod keeper;
pub mod qr;
mod server;
pub mod sse;
mod watch;
pub mod world;

pub use server::limits;
pub use server::limits::raise_descriptor_limit;

use crate::runtime::{Pid, Runtime};
use crate::view::LogLevel;
use audience::Roster;
use keeper::{KeeperHandle, KeptTree};
use parking_lot::{Mutex, RwLock};
use sse::Hub;
use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use world::World;

/// Ticker lines a newly opened projector page gets.
const TICKER_BACKLOG: usize = 40;
/// The audience tree's registered name.
pub const AUDIENCE: &str = "audience";

/// The URLs, and with `--public` the join URL as a QR code to scan off the
/// projected terminal.
pub fn announce(url: &str, public: bool, style: &crate::view::Style) -> String {
    use crate::view::Role;
    let mut text = format!(
        "{} {url}   {} {url}join",
        style.paint("projector:", Role::Header),
        style.paint("phones:", Role::Header)
    );
    if public && let Some(code) = qr::terminal_qr(&format!("{url}join")) {
        text.push('\n');
        text.push_str(&code);
    }
    text
}

/// Where and how to serve.
#[derive(Clone, Debug)]
pub struct StageOptions {
    /// 0 picks a free port.
    pub port: u16,
    /// Bind the LAN address instead of 127.0.0.1 (only when asked).
    pub public: bool,
}

impl Default for StageOptions {
    fn default() -> StageOptions {
        StageOptions {
            port: 8080,
            public: false,
        }
    }
}

/// What the projector shows right now, for pages that open later.
#[derive(Default)]
pub(crate) struct Scene {
    pub svg: String,
    /// The audience's partitions and members as JSON (the hall view).
    pub hall: String,
    pub caption: Option<String>,
    pub ticker: VecDeque<String>,
    /// Root supervisors to draw: display name and pid, from the session.
    pub roots: Vec<(String, Pid)>,
    pub level: Option<LogLevel>,
    /// Something changed that the drawing does not show yet.
    pub dirty: bool,
}

/// State the stage's threads share.
pub(crate) struct Shared {
    world: RwLock<Option<Arc<World>>>,
    pub hub: Hub,
    pub roster: Mutex<Roster>,
    pub scene: Mutex<Scene>,
    stopping: AtomicBool,
    /// Bumped by every attach: an old watcher sees it and stops.
    generation: AtomicU64,
    /// The kept audience tree ended and the keeper starts it again soon:
    /// joins wait for it, crashes are told to.
    pub audience_down: AtomicBool,
}

impl Shared {
    pub fn world(&self) -> Option<Arc<World>> {
        self.world.read().clone()
    }

    pub fn stopping(&self) -> bool {
        self.stopping.load(Ordering::Relaxed)
    }
}

/// A running stage. Dropping it stops the server and closes every stream.
pub struct Stage {
    shared: Arc<Shared>,
    /// Taken (and so stopped) first when the stage is dropped.
    server: Option<server::Server>,
    addr: SocketAddr,
    watcher: Option<JoinHandle<()>>,
    keeper: Option<KeeperHandle>,
}

impl Stage {
    /// Binds and starts serving `runtime`'s world. The runtime must be live
    /// (a deterministic runtime is driven by the session's thread alone).
    pub fn start(options: &StageOptions, runtime: &Runtime) -> Result<Stage, String> {
        if runtime.is_deterministic() {
            return Err(
                "the stage needs the live runtime (no --seed): browsers watch the wall clock"
                    .into(),
            );
        }
        let ip = if options.public {
            qr::lan_address().ok_or("no LAN address found for --public")?
        } else {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        };
        let shared = Arc::new(Shared {
            world: RwLock::new(None),
            hub: Hub::default(),
            roster: Mutex::new(Roster::new()),
            scene: Mutex::new(Scene::default()),
            stopping: AtomicBool::new(false),
            generation: AtomicU64::new(0),
            audience_down: AtomicBool::new(false),
        });
        let server = server::Server::start(SocketAddr::new(ip, options.port), shared.clone())?;
        let addr = server.addr();
        let mut stage = Stage {
            shared,
            server: Some(server),
            addr,
            watcher: None,
            keeper: None,
        };
        stage.attach(runtime);
        Ok(stage)
    }

    /// Follows `runtime` from now on (the session's `reset` made a new one):
    /// a new host process, a new watcher, every stream told to reload.
    pub fn attach(&mut self, runtime: &Runtime) {
        let generation = self.shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let world = Arc::new(World::new(runtime));
        *self.shared.world.write() = Some(world.clone());
        {
            let mut scene = self.shared.scene.lock();
            let level = scene.level;
            *scene = Scene {
                level,
                dirty: true,
                ..Scene::default()
            };
        }
        self.shared.roster.lock().clear();
        self.shared.audience_down.store(false, Ordering::SeqCst);
        self.shared.hub.close_all();
        if let Some(old) = self.watcher.take() {
            let _ = old.join();
        }
        if let Some(mut old) = self.keeper.take() {
            old.join();
        }
        self.keeper = Some(KeeperHandle::start(
            self.shared.clone(),
            runtime,
            generation,
        ));
        let watcher = watch::Watcher::new(self.shared.clone(), world, runtime, generation);
        self.watcher = Some(
            std::thread::Builder::new()
                .name("letitcrash-stage-watch".into())
                .spawn(move || watcher.run())
                .expect("spawn the stage watcher"),
        );
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The projector page's URL.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The root supervisors the session knows, to draw.
    pub fn set_roots(&self, roots: Vec<(String, Pid)>) {
        let mut scene = self.shared.scene.lock();
        if scene.roots != roots {
            scene.roots = roots;
            scene.dirty = true;
        }
    }

    /// The presenter's `say`: the projector's caption.
    pub fn say(&self, text: &str) {
        self.shared.scene.lock().caption = Some(text.to_owned());
        let frame = sse::frame("say", text);
        self.shared.hub.to_projectors(&frame);
    }

    /// The session's log level: the ticker shows what the REPL shows, and
    /// `verbose` draws links.
    pub fn set_level(&self, level: LogLevel) {
        let mut scene = self.shared.scene.lock();
        scene.level = Some(level);
        scene.dirty = true;
    }

    /// Lets phones join (`audience open`) or not (`audience close`).
    pub fn set_open(&self, open: bool) {
        self.shared.roster.lock().open = open;
    }

    pub fn is_open(&self) -> bool {
        self.shared.roster.lock().open
    }

    /// The partitions' restart intensity, for the next audience tree.
    pub fn intensity(&self) -> u32 {
        self.shared.roster.lock().intensity
    }

    pub fn set_intensity(&self, intensity: u32) {
        self.shared.roster.lock().intensity = intensity;
    }

    /// Forgets every member (`audience reset`); their pages are told.
    pub fn forget_members(&self) {
        let members = self.shared.roster.lock().all();
        self.shared.roster.lock().clear();
        let frame = sse::frame("member", r#"{"type":"forgotten"}"#);
        for (token, _) in members {
            self.shared.hub.to_member(&token, &frame);
        }
    }

    /// The stage's host process (its 'DOWN's are bookkeeping).
    pub fn host_pid(&self) -> Option<Pid> {
        self.shared.world().map(|world| world.pid())
    }

    /// From now on the stage brings the audience tree back whenever it
    /// ends, and starts every member's process in it (see [`keeper`]).
    pub fn keep_audience(&self, tree: KeptTree) {
        if let Some(keeper) = &self.keeper {
            keeper.keep(tree);
        }
    }

    /// The session is about to stop the audience tree: let it stay down.
    pub fn release_audience(&self) {
        if let Some(keeper) = &self.keeper {
            keeper.release();
        }
    }

    /// Members joined so far.
    pub fn members(&self) -> usize {
        self.shared.roster.lock().len()
    }

    /// Open event streams: (projectors, phones).
    pub fn streams(&self) -> (usize, usize) {
        self.shared.hub.counts()
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
        self.shared.hub.close_all();
        // Every connection closes with the server's runtime.
        drop(self.server.take());
        if let Some(watcher) = self.watcher.take() {
            let _ = watcher.join();
        }
        if let Some(mut keeper) = self.keeper.take() {
            keeper.join();
        }
    }
}
