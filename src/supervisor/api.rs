//! The supervisor API (S8), called from inside a process (the shell, a
//! test probe, another behavior), like `supervisor:which_children/1`.
//!
//! Each function is a `gen_server:call` to the supervisor. The `Ok` value is
//! the supervisor's answer as OTP gives it (`{ok, Pid}`,
//! `{error, not_found}`, ...); `Err` means the call itself failed
//! (`noproc` when the supervisor is dead).

use super::snapshot::SupervisorSnapshot;
use super::spec::{ChildSpec, ChildType};
use crate::runtime::process::Process;
use crate::runtime::{Atom, Fun, Pid, Term};

async fn request(me: &Process, supervisor: Pid, request: Term) -> Result<Term, Term> {
    me.call(supervisor, request, None).await
}

fn with(verb: &str, argument: Term) -> Term {
    Term::tuple([Term::atom(verb), argument])
}

/// `gen_server:stop(Supervisor, Reason, infinity)`: the supervisor stops
/// its children as for its parent's exit and ends with `reason`; this
/// returns once it is gone (`noproc` if it was not there). Unlike an exit
/// signal, which a supervisor takes only from its parent, anyone may ask.
pub async fn stop(me: &Process, supervisor: Pid, reason: Term) -> Result<(), Term> {
    let monitor = me.monitor(supervisor);
    let from = Term::tuple([Term::pid(me.pid()), Term::reference(monitor)]);
    let request = Term::tuple([Term::atom("terminate"), reason]);
    me.send(
        supervisor,
        Term::tuple([Term::atom("system"), from, request]),
    );
    let down = me
        .receive_matching(
            move |m: &Term| crate::runtime::process::is_down_for(m, monitor),
            None,
        )
        .await
        .expect("no timeout");
    // The `ok` the supervisor sent just before it ended, if it did.
    let reply = move |m: &Term| {
        m.as_tuple()
            .is_some_and(|t| t.len() == 2 && t[0] == Term::reference(monitor))
    };
    me.receive_matching(reply, Some(std::time::Duration::ZERO))
        .await;
    match down.as_tuple() {
        Some([.., reason]) if reason.is_atom(Atom::NOPROC) => Err(reason.clone()),
        _ => Ok(()),
    }
}

/// `{ok, Pid}`, `{error, already_present}`, `{error, {already_started, Pid}}`.
pub async fn start_child(me: &Process, supervisor: Pid, spec: ChildSpec) -> Result<Term, Term> {
    request(
        me,
        supervisor,
        with("start_child", Term::fun(Fun::opaque("child_spec", spec))),
    )
    .await
}

/// For a `simple_one_for_one` supervisor: a new instance with extra args.
pub async fn start_child_with_args(
    me: &Process,
    supervisor: Pid,
    args: Vec<Term>,
) -> Result<Term, Term> {
    request(me, supervisor, with("start_child", Term::list(args))).await
}

/// `ok` or `{error, not_found}`. `child` is an id, or the pid of an
/// instance of a `simple_one_for_one` supervisor.
pub async fn terminate_child(me: &Process, supervisor: Pid, child: Term) -> Result<Term, Term> {
    request(me, supervisor, with("terminate_child", child)).await
}

/// `{ok, Pid}`, `{error, running}`, `{error, not_found}`, ...
pub async fn restart_child(me: &Process, supervisor: Pid, id: Atom) -> Result<Term, Term> {
    request(me, supervisor, with("restart_child", Term::from_atom(id))).await
}

/// `ok`, `{error, running}`, `{error, not_found}`, ...
pub async fn delete_child(me: &Process, supervisor: Pid, id: Atom) -> Result<Term, Term> {
    request(me, supervisor, with("delete_child", Term::from_atom(id))).await
}

/// `[{Id, Pid | restarting | undefined, worker | supervisor, [Kind]}]`,
/// newest first.
pub async fn which_children(me: &Process, supervisor: Pid) -> Result<Term, Term> {
    request(me, supervisor, Term::atom("which_children")).await
}

/// `[{specs, N}, {active, N}, {supervisors, N}, {workers, N}]`.
pub async fn count_children(me: &Process, supervisor: Pid) -> Result<Term, Term> {
    request(me, supervisor, Term::atom("count_children")).await
}

/// The whole tree below `supervisor`, asking each running child supervisor
/// for its own snapshot. A child started as `type => supervisor` that is
/// no supervisor process (a gen_server standing in for one, as Elixir's
/// Registry does here) is shown as it is and never asked: a request it
/// does not know would crash it, and a view must change nothing.
pub async fn snapshot(me: &Process, supervisor: Pid) -> Result<SupervisorSnapshot, Term> {
    let mut pending = vec![(Vec::<usize>::new(), supervisor)];
    let mut root: Option<SupervisorSnapshot> = None;
    while let Some((path, pid)) = pending.pop() {
        let reply = request(me, pid, Term::atom("$snapshot")).await?;
        let Some(fun) = reply.as_fun() else {
            return Err(Term::error(Term::atom("badarg")));
        };
        let Some(snapshot) = fun.downcast::<SupervisorSnapshot>().cloned() else {
            return Err(Term::error(Term::atom("badarg")));
        };
        for (i, child) in snapshot.children.iter().enumerate() {
            if let (ChildType::Supervisor, Some(pid)) = (child.child_type, child.pid())
                && me
                    .resolve(pid)
                    .is_some_and(|process| process.kind() == Atom::new("supervisor"))
            {
                let mut child_path = path.clone();
                child_path.push(i);
                pending.push((child_path, pid));
            }
        }
        match &mut root {
            None => root = Some(snapshot),
            Some(root) => *slot_at(root, &path) = Some(Box::new(snapshot)),
        }
    }
    Ok(root.expect("the root snapshot is taken first"))
}

fn slot_at<'a>(
    root: &'a mut SupervisorSnapshot,
    path: &[usize],
) -> &'a mut Option<Box<SupervisorSnapshot>> {
    let (&last, parents) = path.split_last().expect("a child path is never empty");
    let mut node = root;
    for &i in parents {
        node = node.children[i]
            .nested
            .as_mut()
            .expect("parents are filled first");
    }
    &mut node.children[last].nested
}

/// The pid of the child `id` of `supervisor`, if it is running: what a path
/// like `demo/w1` names.
pub async fn child_pid(me: &Process, supervisor: Pid, id: Atom) -> Result<Option<Pid>, Term> {
    let children = which_children(me, supervisor).await?;
    Ok(children.iter_list().find_map(|row| match row.as_tuple() {
        Some([child, pid, _, _]) if child.as_atom() == Some(id) => pid.as_pid(),
        _ => None,
    }))
}
