//! The supervisor process: OTP's `supervisor` behaviour as a native process.
//!
//! A supervisor traps exits and links to every child it starts, so a child's
//! death reaches it as an `{'EXIT', Child, Reason}` message. Its loop is:
//!
//! 1. On start, start the children left to right (S6). If one fails, stop
//!    the ones already started, right to left, and fail to start.
//! 2. On a child's `'EXIT'`: decide by the child's restart type (S4) whether
//!    to restart; count the restart against the intensity (S3), giving up
//!    with `shutdown` when it is exceeded; and carry out the strategy's plan
//!    (S2): stop the affected siblings newest first, start them oldest first.
//! 3. On an `'EXIT'` from its parent (the process that started it, linked
//!    or not: the shell for a top-level `sup`): stop all children right to
//!    left and exit with the parent's reason (S6, S7).
//! 4. Answer the API calls (S8).
//!
//! Every decision is reported on the event stream, so the audience sees the
//! dead child, the strategy's action and the restart budget.

use super::intensity::{RestartIntensity, Verdict};
use super::shutdown::{terminate_child, terminate_children_at_once};
use super::snapshot::{ChildSnapshot, ChildState, SupervisorSnapshot};
use super::spec::{
    ChildSpec, ChildStart, ChildType, RestartDelay, RestartType, Strategy, SupervisorSpec,
};
use super::strategy::plan;
use crate::runtime::process::{Process, as_call};
use crate::runtime::{Atom, EventId, EventKind, Fun, Pid, Ref, SupervisorReport, Term};
use std::sync::Arc;

/// The tag of the message a supervisor sends itself to carry out a delayed
/// restart.
const RESTART_TAG: &str = "$restart";

/// Where a starting supervisor reports that its children are up (or not),
/// so that whoever started it can wait, as `supervisor:start_link` does.
pub(crate) enum StartAck {
    /// A native starter (`supervisor::start`): `{'$ack', Ref, ok |
    /// {error, Reason}}`.
    Native { to: Pid, reference: Ref },
    /// Erlang code waiting in `proc_lib:sync_start_link/2`: `{ack, Pid,
    /// {ok, Pid} | {error, Reason}}`, as `proc_lib:init_ack/2` sends.
    ProcLib { to: Pid },
}

struct Child {
    /// Identity inside this supervisor, stable across restarts.
    key: u64,
    spec: ChildSpec,
    state: ChildState,
    restarts: u32,
    /// Extra start arguments (instances of a `simple_one_for_one`).
    args: Vec<Term>,
}

struct Supervisor {
    me: Arc<Process>,
    strategy: Strategy,
    budget: RestartIntensity,
    restart_delay: RestartDelay,
    /// In start order.
    children: Vec<Child>,
    /// The one spec of a `simple_one_for_one` supervisor.
    template: Option<ChildSpec>,
    next_key: u64,
    parent: Option<Pid>,
    spec_reader: Option<super::spec::SpecReader>,
}

/// The supervisor's body.
pub(crate) async fn run(me: Arc<Process>, spec: SupervisorSpec, ack: Option<StartAck>) -> Term {
    me.set_trap_exit(true);
    let mut supervisor = Supervisor {
        // The process that started it, linked or not (S7): an exit signal
        // from it is an order to stop. Trapping exits, the supervisor sees
        // it as an 'EXIT' message even when they are not linked.
        parent: me.parent(),
        me: me.clone(),
        strategy: spec.strategy,
        budget: RestartIntensity::new(spec.intensity, spec.period),
        restart_delay: spec.restart_delay.clone(),
        children: Vec::new(),
        template: None,
        next_key: 0,
        spec_reader: spec.spec_reader,
    };
    let started = supervisor.init(spec.children).await;
    match ack {
        Some(StartAck::Native { to, reference }) => {
            let result = match &started {
                Ok(()) => Term::from_atom(Atom::OK),
                Err(reason) => Term::error(reason.clone()),
            };
            me.send(
                to,
                Term::tuple([Term::atom("$ack"), Term::reference(reference), result]),
            );
        }
        Some(StartAck::ProcLib { to }) => {
            let result = match &started {
                Ok(()) => Term::ok(Term::pid(me.pid())),
                Err(reason) => Term::error(reason.clone()),
            };
            me.send(
                to,
                Term::tuple([Term::atom("ack"), Term::pid(me.pid()), result]),
            );
        }
        None => {}
    }
    if let Err(reason) = started {
        return reason;
    }
    loop {
        let message = me.receive().await;
        if let Some((from, request)) = as_call(&message) {
            let reply = supervisor.handle_call(request).await;
            me.reply(from, reply);
        } else if let Some([_, from, request]) = message.tagged::<3>(Atom::new("system"))
            && let Some([_, reason]) = request.tagged::<2>(Atom::new("terminate"))
        {
            // `gen_server:stop/3` (`proc_lib:stop`): terminate as for the
            // parent's exit, from whoever asks, then say so.
            supervisor.terminate_all().await;
            me.reply(from, Term::from_atom(Atom::OK));
            return reason.clone();
        } else if let Some([_, pid, reason]) = message.tagged::<3>(Atom::EXIT)
            && let Some(pid) = pid.as_pid()
        {
            if Some(pid) == supervisor.parent {
                // `gen_server` stops on `{'EXIT', Parent, Reason}`, and
                // `supervisor:terminate/2` stops the children first.
                supervisor.terminate_all().await;
                return reason.clone();
            }
            if let Err(reason) = supervisor.child_exited(pid, reason.clone()).await {
                return reason;
            }
        } else if let Some([_, keys]) = message.tagged::<2>(Atom::new(RESTART_TAG)) {
            let keys = keys
                .iter_list()
                .filter_map(Term::as_int)
                .map(|k| k as u64)
                .collect();
            if let Err(reason) = supervisor.start_keys(keys).await {
                return reason;
            }
        }
        // Anything else is not for a supervisor; OTP logs and ignores it.
    }
}

impl Supervisor {
    /// Posts a report; its id lets the supervisor act on its account.
    fn report(&self, report: SupervisorReport) -> Option<EventId> {
        self.me.emit(EventKind::Supervisor {
            supervisor: self.me.pid(),
            report,
        })
    }

    /// S6: start left to right; on a failure, stop the started ones right
    /// to left and fail.
    async fn init(&mut self, specs: Vec<ChildSpec>) -> Result<(), Term> {
        if self.strategy == Strategy::SimpleOneForOne {
            self.template = specs.into_iter().next();
            return Ok(());
        }
        for spec in specs {
            let id = spec.id_term();
            let key = self.new_key();
            let mut child = Child {
                key,
                spec,
                state: ChildState::NotRunning,
                restarts: 0,
                args: Vec::new(),
            };
            match self.start_process(&child).await {
                Ok(started) => {
                    // `ignore`: the spec stays, with no process.
                    if let Some(pid) = started {
                        child.state = ChildState::Running(pid);
                    }
                    self.children.push(child);
                }
                Err(reason) => {
                    self.terminate_all().await;
                    return Err(Term::tuple([
                        Term::from_atom(Atom::SHUTDOWN),
                        Term::tuple([Term::atom("failed_to_start_child"), id, reason]),
                    ]));
                }
            }
        }
        Ok(())
    }

    fn new_key(&mut self) -> u64 {
        self.next_key += 1;
        self.next_key
    }

    /// Starts the process for `child` (not yet recorded as running):
    /// its pid, or none when its start function said `ignore`.
    async fn start_process(&self, child: &Child) -> Result<Option<Pid>, Term> {
        let result = match &child.spec.start {
            ChildStart::Spawn(start) => start(&self.me, &child.args).map(Some),
            ChildStart::Supervisor(spec) => {
                let mut spec = (**spec).clone();
                spec.restart_delay = self.restart_delay.clone();
                super::start_link(&self.me, spec).await.map(Some)
            }
            ChildStart::Call { start, .. } => start(&self.me, &child.args).await,
        };
        let id = child.spec.id;
        match &result {
            Ok(Some(pid)) => self.report(SupervisorReport::ChildStarted { id, pid: *pid }),
            Ok(None) => None,
            Err(reason) => self.report(SupervisorReport::StartFailed {
                id,
                reason: reason.clone(),
            }),
        };
        result
    }

    fn position_of_pid(&self, pid: Pid) -> Option<usize> {
        self.children
            .iter()
            .position(|c| c.state == ChildState::Running(pid))
    }

    /// The child with id `id` (an atom, or any term as OTP allows).
    fn position_of_id(&self, id: &Term) -> Option<usize> {
        self.position_of_key(super::spec::id_key(id)?)
    }

    fn position_of_key(&self, key: Atom) -> Option<usize> {
        self.children.iter().position(|c| c.spec.id == key)
    }

    /// A child ended on its own (S4, then S3 and S2).
    async fn child_exited(&mut self, pid: Pid, reason: Term) -> Result<(), Term> {
        let Some(index) = self.position_of_pid(pid) else {
            // Not a child (any more): OTP ignores such 'EXIT's.
            return Ok(());
        };
        let child = &mut self.children[index];
        let id = child.spec.id;
        let exited = self.report(SupervisorReport::ChildExited {
            id,
            pid,
            reason: reason.clone(),
        });
        // Siblings the strategy stops are stopped on account of this exit
        // (`why` follows it back).
        self.me.act_for(exited);
        let done = self.after_child_exit(index, &reason).await;
        if done.is_ok() {
            // A supervisor that gave up keeps acting for its `GaveUp`.
            self.me.act_for(None);
        }
        done
    }

    /// S4: restart the child at `index` after it ended with `reason`, or
    /// let it go, by its restart type.
    async fn after_child_exit(&mut self, index: usize, reason: &Term) -> Result<(), Term> {
        let child = &mut self.children[index];
        child.state = ChildState::NotRunning;
        // `supervisor:do_restart/4`: a child that is not restarted is
        // deleted (`del_child`), which keeps the spec with no pid, unless
        // it is temporary or an instance of a `simple_one_for_one`.
        match child.spec.restart {
            restart if restart.restarts_after(reason) => self.restart(index).await,
            RestartType::Temporary => {
                self.children.remove(index);
                Ok(())
            }
            _ if self.template.is_some() => {
                self.children.remove(index);
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Counts a restart and carries out the strategy for the child at
    /// `index`, as `supervisor:restart/2` (and `restart/3`, per strategy)
    /// does.
    async fn restart(&mut self, index: usize) -> Result<(), Term> {
        let count = match self.budget.add_restart(self.me.now()) {
            Verdict::Restart { count } => count,
            Verdict::GiveUp { count } => return Err(self.give_up(count).await),
        };
        let failed_id = self.children[index].spec.id;
        let plan = plan(self.strategy, index, self.children.len());
        for &position in &plan.terminate {
            self.terminate_at(position).await;
        }
        // S4: a temporary child that the plan stopped is gone for good, as
        // `supervisor:terminate_children/2` removes it. Temporary children
        // outside the plan are untouched: they keep running, supervised.
        let stopped_temporaries: Vec<u64> = plan
            .terminate
            .iter()
            .map(|&position| &self.children[position])
            .filter(|child| child.spec.restart == RestartType::Temporary)
            .map(|child| child.key)
            .collect();
        let mut to_start = Vec::new();
        for &position in &plan.start {
            let child = &mut self.children[position];
            if stopped_temporaries.contains(&child.key) {
                continue;
            }
            child.state = ChildState::Restarting;
            child.restarts += 1;
            to_start.push((child.key, child.spec.id));
        }
        self.children
            .retain(|child| !stopped_temporaries.contains(&child.key));
        self.report(SupervisorReport::Restarting {
            strategy: Atom::new(self.strategy.name()),
            failed: failed_id,
            restarting: to_start.iter().map(|&(_, id)| id).collect(),
            restart: count,
            intensity: self.budget.intensity(),
            period: self.budget.period(),
        });
        let keys: Vec<u64> = to_start.into_iter().map(|(key, _)| key).collect();
        let delay = self.restart_delay.get();
        if delay.is_zero() {
            self.start_keys(keys).await
        } else {
            let keys: Vec<Term> = keys.into_iter().map(|k| Term::int(k as i64)).collect();
            let message = Term::tuple([Term::atom(RESTART_TAG), Term::list(keys)]);
            self.me.send_after(delay, self.me.pid(), message);
            Ok(())
        }
    }

    /// Starts the children with these keys, in order. A child that fails to
    /// start is retried (counting as a restart), as OTP does.
    async fn start_keys(&mut self, keys: Vec<u64>) -> Result<(), Term> {
        for (n, &key) in keys.iter().enumerate() {
            let Some(index) = self.children.iter().position(|c| c.key == key) else {
                continue;
            };
            if self.children[index].state != ChildState::Restarting {
                continue;
            }
            match self.start_process(&self.children[index]).await {
                Ok(Some(pid)) => self.children[index].state = ChildState::Running(pid),
                Ok(None) => self.children[index].state = ChildState::NotRunning,
                Err(_) => {
                    if let Verdict::GiveUp { count } = self.budget.add_restart(self.me.now()) {
                        return Err(self.give_up(count).await);
                    }
                    let rest: Vec<Term> = keys[n..].iter().map(|&k| Term::int(k as i64)).collect();
                    let retry = Term::tuple([Term::atom(RESTART_TAG), Term::list(rest)]);
                    self.me.send(self.me.pid(), retry);
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// S3: too many restarts. Stop everything and exit with `shutdown`.
    async fn give_up(&mut self, restarts: u32) -> Term {
        let gave_up = self.report(SupervisorReport::GaveUp {
            restarts,
            intensity: self.budget.intensity(),
            period: self.budget.period(),
        });
        // The children and then the supervisor itself end on its account.
        self.me.act_for(gave_up);
        self.terminate_all().await;
        Term::from_atom(Atom::SHUTDOWN)
    }

    /// Stops the child at `position` if it runs (S5), reporting it.
    async fn terminate_at(&mut self, position: usize) {
        let child = &self.children[position];
        if let ChildState::Running(pid) = child.state {
            let id = child.spec.id;
            let reason = terminate_child(&self.me, pid, child.spec.shutdown).await;
            self.report(SupervisorReport::ChildTerminated { id, pid, reason });
        }
        self.children[position].state = ChildState::NotRunning;
    }

    /// S6: stop every child, right to left, as `supervisor:terminate/2`
    /// does; the instances of a `simple_one_for_one` all at once (S5).
    async fn terminate_all(&mut self) {
        if let Some(template) = &self.template {
            let shutdown = template.shutdown;
            let id = template.id;
            let running: Vec<Pid> = self
                .children
                .iter()
                .filter_map(|child| match child.state {
                    ChildState::Running(pid) => Some(pid),
                    _ => None,
                })
                .collect();
            for (pid, reason) in terminate_children_at_once(&self.me, &running, shutdown).await {
                self.report(SupervisorReport::ChildTerminated { id, pid, reason });
            }
            for child in &mut self.children {
                child.state = ChildState::NotRunning;
            }
            return;
        }
        for position in (0..self.children.len()).rev() {
            self.terminate_at(position).await;
        }
    }

    async fn handle_call(&mut self, request: &Term) -> Term {
        let (verb, argument) = match (request.as_atom(), request.as_tuple()) {
            (Some(verb), _) => (verb, None),
            (_, Some([verb, argument])) => match verb.as_atom() {
                Some(verb) => (verb, Some(argument)),
                None => return Term::error(Term::atom("badarg")),
            },
            _ => return Term::error(Term::atom("badarg")),
        };
        match (verb.name(), argument) {
            ("which_children", None) => self.which_children(),
            ("count_children", None) => self.count_children(),
            ("$snapshot", None) => Term::fun(Fun::opaque("supervisor_snapshot", self.snapshot())),
            ("start_child", Some(argument)) => self.start_child(argument).await,
            ("terminate_child", Some(id)) => self.terminate_child(id).await,
            ("restart_child", Some(id)) => self.restart_child(id).await,
            ("delete_child", Some(id)) => self.delete_child(id),
            _ => Term::error(Term::atom("badarg")),
        }
    }

    /// S8: `{Id, Pid | restarting | undefined, worker | supervisor, [Kind]}`,
    /// newest first, as `supervisor:which_children/1` answers (the kind
    /// stands for OTP's list of callback modules). The instances of a
    /// `simple_one_for_one` have no id and come in pid order, oldest first,
    /// as OTP lists its table of dynamic children.
    fn which_children(&self) -> Term {
        if self.template.is_some() {
            let mut instances: Vec<&Child> = self.children.iter().collect();
            // Restarting instances (no pid) after the running ones.
            instances.sort_by_key(|child| match child.state {
                ChildState::Running(pid) => (false, pid.number()),
                _ => (true, child.key),
            });
            let rows = instances
                .into_iter()
                .map(|child| row(Term::from_atom(Atom::UNDEFINED), child));
            return Term::list(rows);
        }
        let rows = self
            .children
            .iter()
            .rev()
            .map(|child| row(child.spec.id_term(), child));
        Term::list(rows)
    }

    /// S8: specs, active, supervisors, workers. A `simple_one_for_one`
    /// counts its template as the one spec and its instances by the
    /// template's type, as `supervisor:count_children/1` does.
    fn count_children(&self) -> Term {
        let active = self
            .children
            .iter()
            .filter(|c| matches!(c.state, ChildState::Running(_)))
            .count();
        let (specs, supervisors, workers) = match &self.template {
            Some(template) => {
                let instances = self.children.len();
                match template.child_type() {
                    ChildType::Supervisor => (1, instances, 0),
                    ChildType::Worker => (1, 0, instances),
                }
            }
            None => {
                let supervisors = self
                    .children
                    .iter()
                    .filter(|c| c.spec.child_type() == ChildType::Supervisor)
                    .count();
                let specs = self.children.len();
                (specs, supervisors, specs - supervisors)
            }
        };
        let pair = |name: &str, n: usize| Term::tuple([Term::atom(name), Term::int(n as i64)]);
        Term::list(vec![
            pair("specs", specs),
            pair("active", active),
            pair("supervisors", supervisors),
            pair("workers", workers),
        ])
    }

    fn snapshot(&mut self) -> SupervisorSnapshot {
        let restarts_in_period = self.budget.recent(self.me.now());
        SupervisorSnapshot {
            pid: self.me.pid(),
            strategy: self.strategy,
            intensity: self.budget.intensity(),
            period: self.budget.period(),
            restarts_in_period,
            children: self
                .children
                .iter()
                .map(|child| ChildSnapshot {
                    id: child.spec.id,
                    state: child.state,
                    child_type: child.spec.child_type(),
                    kind: child.spec.kind,
                    restart: child.spec.restart,
                    shutdown: child.spec.shutdown,
                    start: super::snapshot::start_function(&child.spec.start),
                    restarts: child.restarts,
                    nested: None,
                })
                .collect(),
        }
    }

    /// S8: `{ok, Pid}`, `{error, already_present}`,
    /// `{error, {already_started, Pid}}`, or `{error, Reason}`.
    async fn start_child(&mut self, argument: &Term) -> Term {
        let (spec, args) = match (&self.template, argument.list_to_vec(), argument.as_fun()) {
            (Some(template), Some(args), _) => (template.clone(), args),
            (None, _, Some(fun)) => match fun.downcast::<ChildSpec>() {
                Some(spec) => (spec.clone(), Vec::new()),
                None => return Term::error(Term::atom("badarg")),
            },
            (None, _, None) => match &self.spec_reader {
                Some(read) => match read(argument) {
                    Ok(spec) => (spec, Vec::new()),
                    Err(reason) => return Term::error(reason),
                },
                None => return Term::error(Term::atom("badarg")),
            },
            _ => return Term::error(Term::atom("badarg")),
        };
        if self.template.is_none()
            && let Some(existing) = self.position_of_key(spec.id)
        {
            return match self.children[existing].state {
                ChildState::Running(pid) => {
                    Term::error(Term::tuple([Term::atom("already_started"), Term::pid(pid)]))
                }
                _ => Term::error(Term::atom("already_present")),
            };
        }
        let key = self.new_key();
        let mut child = Child {
            key,
            spec,
            state: ChildState::NotRunning,
            restarts: 0,
            args,
        };
        match self.start_process(&child).await {
            Ok(Some(pid)) => {
                child.state = ChildState::Running(pid);
                self.children.push(child);
                Term::ok(Term::pid(pid))
            }
            // `ignore`: `{ok, undefined}`, the spec kept (a dynamic
            // instance is not).
            Ok(None) => {
                if self.template.is_none() {
                    self.children.push(child);
                }
                Term::ok(Term::from_atom(Atom::UNDEFINED))
            }
            Err(reason) => Term::error(reason),
        }
    }

    /// S8: stops the child; the spec stays unless it is temporary. A
    /// `simple_one_for_one` names an instance by its pid, and an instance
    /// that is already gone answers `ok` too (`supervisor:find_child/2`).
    async fn terminate_child(&mut self, id: &Term) -> Term {
        let position = match (id.as_pid(), &self.template) {
            (Some(pid), Some(_)) => match self.position_of_pid(pid) {
                Some(position) => position,
                None if self.me.is_alive(pid) => {
                    return Term::error(Term::atom("not_found"));
                }
                None => return Term::from_atom(Atom::OK),
            },
            (_, Some(_)) => return Term::error(Term::atom("simple_one_for_one")),
            (_, None) => match self.position_of_id(id) {
                Some(position) => position,
                None => return Term::error(Term::atom("not_found")),
            },
        };
        self.terminate_at(position).await;
        let child = &self.children[position];
        if child.spec.restart == RestartType::Temporary || self.template.is_some() {
            self.children.remove(position);
        }
        Term::from_atom(Atom::OK)
    }

    /// S8: restart a child that is not running.
    async fn restart_child(&mut self, id: &Term) -> Term {
        let position = match self.stopped_child(id) {
            Ok(position) => position,
            Err(error) => return error,
        };
        match self.start_process(&self.children[position]).await {
            Ok(Some(pid)) => {
                self.children[position].state = ChildState::Running(pid);
                Term::ok(Term::pid(pid))
            }
            Ok(None) => Term::ok(Term::from_atom(Atom::UNDEFINED)),
            Err(reason) => Term::error(reason),
        }
    }

    /// S8: delete the spec of a child that is not running.
    fn delete_child(&mut self, id: &Term) -> Term {
        match self.stopped_child(id) {
            Ok(position) => {
                self.children.remove(position);
                Term::from_atom(Atom::OK)
            }
            Err(error) => error,
        }
    }

    /// The position of child `id` if it exists and is not running, else
    /// the API's error: `not_found`, `running`, `restarting`, or
    /// `simple_one_for_one` (whose instances have no ids).
    fn stopped_child(&self, id: &Term) -> Result<usize, Term> {
        if self.template.is_some() {
            return Err(Term::error(Term::atom("simple_one_for_one")));
        }
        let position = self
            .position_of_id(id)
            .ok_or_else(|| Term::error(Term::atom("not_found")))?;
        match self.children[position].state {
            ChildState::Running(_) => Err(Term::error(Term::atom("running"))),
            ChildState::Restarting => Err(Term::error(Term::atom("restarting"))),
            ChildState::NotRunning => Ok(position),
        }
    }
}

/// One `which_children` row for `child`, named `id`.
fn row(id: Term, child: &Child) -> Term {
    let pid = match child.state {
        ChildState::Running(pid) => Term::pid(pid),
        ChildState::Restarting => Term::atom("restarting"),
        ChildState::NotRunning => Term::from_atom(Atom::UNDEFINED),
    };
    Term::tuple([
        id,
        pid,
        Term::atom(child.spec.child_type().name()),
        Term::list(vec![Term::from_atom(child.spec.kind)]),
    ])
}
