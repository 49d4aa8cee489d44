//! A venue's Wi-Fi between the phone and the stage, that the test can
//! take away: a TCP proxy on loopback whose link is up, down (every
//! connection cut, new ones refused at once: what a phone sees when its
//! radio gives up), or silent (connections stay open but no byte gets
//! through either way: what a phone sees when the access point vanishes,
//! and nothing ever says so).
//!
//! The browser is pointed at the proxy's address instead of the stage's.
//! One thread accepts, two threads per connection copy bytes; all end
//! when the proxy is dropped.

use parking_lot::Mutex;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Link {
    Up,
    Down,
    Silent,
}

struct State {
    link: Mutex<Link>,
    /// Both ends of every connection, to cut them.
    open: Mutex<Vec<TcpStream>>,
    stopping: AtomicBool,
}

pub struct Wifi {
    addr: SocketAddr,
    state: Arc<State>,
}

impl Wifi {
    /// A proxy on a free loopback port to the stage at `stage`.
    pub fn to(stage: SocketAddr) -> Wifi {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State {
            link: Mutex::new(Link::Up),
            open: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
        });
        let accepting = state.clone();
        std::thread::spawn(move || {
            for phone in listener.incoming() {
                if accepting.stopping.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(phone) = phone else { continue };
                if *accepting.link.lock() == Link::Down {
                    let _ = phone.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(stage) else {
                    continue;
                };
                carry(&accepting, phone, server);
            }
        });
        Wifi { addr, state }
    }

    /// The stage's base URL through this Wi-Fi.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn set(&self, link: Link) {
        *self.state.link.lock() = link;
        if link == Link::Down {
            cut_all(&self.state);
        }
    }
}

impl Drop for Wifi {
    fn drop(&mut self) {
        self.state.stopping.store(true, Ordering::SeqCst);
        cut_all(&self.state);
        // Wakes the accepting thread, which then sees it is stopping.
        let _ = TcpStream::connect(self.addr);
    }
}

fn cut_all(state: &State) {
    for stream in state.open.lock().drain(..) {
        let _ = stream.shutdown(Shutdown::Both);
    }
}

/// Copies bytes both ways between `phone` and `server` while the link is
/// up; drops them while it is silent.
fn carry(state: &Arc<State>, phone: TcpStream, server: TcpStream) {
    let (Ok(phone_side), Ok(server_side)) = (phone.try_clone(), server.try_clone()) else {
        return;
    };
    state.open.lock().extend([phone_side, server_side]);
    for (from, to) in [
        (phone.try_clone(), server.try_clone()),
        (server.try_clone(), phone.try_clone()),
    ] {
        let (Ok(mut from), Ok(mut to)) = (from, to) else {
            return;
        };
        let state = state.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 16 * 1024];
            loop {
                let n = match from.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                if *state.link.lock() == Link::Up && to.write_all(&buffer[..n]).is_err() {
                    break;
                }
            }
            let _ = to.shutdown(Shutdown::Both);
        });
    }
}
