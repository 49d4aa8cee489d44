//! The audience demo's bookkeeping: who joined, in which partition, under
//! which token, and how fast they are crashing.
//!
//! A member is a token held in a cookie, not a name: two Erins are two
//! members (the second is child `Erin 2`), and only the phone holding a
//! token can crash that member's process. Everything here is plain data;
//! the stage's HTTP handlers and watcher act on the runtime with it.

use crate::runtime::{Atom, Pid};
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// The partitions, by the first letter of a name; anything else (a digit,
/// a name in another script, a `<`) goes to the fifth.
pub const PARTITIONS: [&str; 5] = ["A-D", "E-K", "L-Q", "R-Z", "other"];

/// The supervisor of the state server: a root of its own, so that no
/// crash of the audience tree reaches the members' counts.
pub const STATE_TREE: &str = "audience_state";
/// Restarts each partition allows in 5 s, unless `audience intensity N`
/// says otherwise. Chosen for a full room (measured with `bench audience`,
/// docs/benchmarks.md): 500 phones pressing now and then (every 1 to 4 s,
/// about 200 crashes per partition in 5 s) never take a partition down,
/// while 500 pressing as fast as the rate limit allows (2,500 per
/// partition in 5 s) take partitions down within two seconds, then the
/// top, and the stage brings the tree back. In a small room a partition
/// never gives up at this level: `audience intensity 3` lets one fast
/// thumb take its partition down, as the talk shows.
pub const PARTITION_INTENSITY: u32 = 1000;
/// Restarts the top supervisor allows in 5 s (of partitions that gave up):
/// one more, and the whole tree gives up, and the stage starts it again
/// (see `keeper`).
pub const TOP_INTENSITY: u32 = 5;

/// The longest name accepted, in characters.
pub const MAX_NAME: usize = 32;
/// Crashes a member may cause per [`RATE_WINDOW`].
pub const MAX_CRASHES: usize = 5;
pub const RATE_WINDOW: Duration = Duration::from_secs(1);

/// Whether `name` is one of the [`PARTITIONS`].
pub fn is_partition(name: &str) -> bool {
    PARTITIONS.contains(&name)
}

/// The partition a name joins.
pub fn partition_of(name: &str) -> &'static str {
    let first = name.chars().next().unwrap_or(' ').to_ascii_uppercase();
    match first {
        'A'..='D' => PARTITIONS[0],
        'E'..='K' => PARTITIONS[1],
        'L'..='Q' => PARTITIONS[2],
        'R'..='Z' => PARTITIONS[3],
        _ => PARTITIONS[4],
    }
}

/// A typed name made acceptable: trimmed, 1 to 32 characters, no control
/// characters. Any other character is allowed (and escaped wherever shown).
pub fn clean_name(typed: &str) -> Result<String, &'static str> {
    let name = typed.trim();
    if name.is_empty() {
        return Err("type a name first");
    }
    if name.chars().count() > MAX_NAME {
        return Err("that name is longer than 32 characters");
    }
    if name.chars().any(char::is_control) {
        return Err("a name cannot contain control characters");
    }
    Ok(name.to_owned())
}

/// One member of the audience.
#[derive(Clone, Debug)]
pub struct Member {
    pub name: String,
    /// The child id under the partition supervisor.
    pub id: Atom,
    pub partition: &'static str,
    /// Seconds since the Unix epoch.
    pub joined: u64,
    /// The member's process, as last seen.
    pub pid: Option<Pid>,
    /// Times its process started again under a new pid (restarted by its
    /// partition, or started again when the partition or the tree came
    /// back): kept here, not on the phone, so that a page that missed a
    /// restart (a reload, a Wi-Fi drop) still shows it.
    pub restarts: u32,
    /// The count the process last read back from the state server
    /// (`restored count N`), if it has restarted.
    pub restored: Option<i64>,
    /// The last pid the member had, including while its process is down.
    last_pid: Option<Pid>,
    crashes: VecDeque<Instant>,
}

/// Everyone who joined, by token.
///
/// Indexed both ways, since both are asked all the time: a request comes
/// with a token, a supervisor's report names a child id in a partition.
/// Neither a join nor a lookup scans the room (a room of 2,000 that all
/// typed the same name joins as fast as the first).
#[derive(Default)]
pub struct Roster {
    /// New members may join.
    pub open: bool,
    /// The partitions' restart intensity (restarts allowed in 5 s).
    pub intensity: u32,
    members: HashMap<String, Member>,
    /// (partition, child id) to token.
    children: HashMap<(&'static str, Atom), String>,
    /// Per (partition, typed name), the suffix the next one tries first.
    next_suffix: HashMap<(&'static str, String), u32>,
}

impl Roster {
    pub fn new() -> Roster {
        Roster {
            open: false,
            intensity: PARTITION_INTENSITY,
            ..Roster::default()
        }
    }

    pub fn get(&self, token: &str) -> Option<&Member> {
        self.members.get(token)
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Adds a member under `token`, with a child id free in its partition:
    /// the name itself, or the name and a number (`Erin 2`).
    pub fn add(&mut self, token: &str, name: &str, joined: u64) -> Member {
        let partition = partition_of(name);
        let mut id = Atom::new(name);
        if self.children.contains_key(&(partition, id)) {
            let next = self
                .next_suffix
                .entry((partition, name.to_owned()))
                .or_insert(2);
            // Usually free at once; taken only by someone who typed
            // `Erin 3` themselves, or when the number wrapped.
            loop {
                id = Atom::new(&format!("{name} {next}"));
                *next = next.checked_add(1).unwrap_or(2);
                if !self.children.contains_key(&(partition, id)) {
                    break;
                }
            }
        }
        let member = Member {
            name: name.to_owned(),
            id,
            partition,
            joined,
            pid: None,
            restarts: 0,
            restored: None,
            last_pid: None,
            crashes: VecDeque::new(),
        };
        if let Some(old) = self.members.insert(token.to_owned(), member.clone()) {
            self.children.remove(&(old.partition, old.id));
        }
        self.children.insert((partition, id), token.to_owned());
        member
    }

    pub fn remove(&mut self, token: &str) {
        if let Some(member) = self.members.remove(token) {
            self.children.remove(&(member.partition, member.id));
        }
    }

    /// Records the member's process as it is now (`None`: not running),
    /// counting a restart when a new pid replaces an earlier one. Gives
    /// the member as recorded.
    pub fn set_pid(&mut self, token: &str, pid: Option<Pid>) -> Option<Member> {
        let member = self.members.get_mut(token)?;
        if let Some(new) = pid {
            if member.last_pid.is_some_and(|old| old != new) {
                member.restarts += 1;
            }
            member.last_pid = Some(new);
        }
        member.pid = pid;
        Some(member.clone())
    }

    /// Records the count the member's process read back from the state
    /// server.
    pub fn set_restored(&mut self, token: &str, count: i64) {
        if let Some(member) = self.members.get_mut(token) {
            member.restored = Some(count);
        }
    }

    /// Counts a crash if the member is under its rate limit.
    pub fn allow_crash(&mut self, token: &str, now: Instant) -> bool {
        let Some(member) = self.members.get_mut(token) else {
            return false;
        };
        while member
            .crashes
            .front()
            .is_some_and(|&t| now.duration_since(t) >= RATE_WINDOW)
        {
            member.crashes.pop_front();
        }
        if member.crashes.len() >= MAX_CRASHES {
            return false;
        }
        member.crashes.push_back(now);
        true
    }

    /// The token of the member with child `id` in `partition`.
    pub fn token_of(&self, partition: &str, id: Atom) -> Option<String> {
        let partition = PARTITIONS.iter().copied().find(|p| *p == partition)?;
        self.children.get(&(partition, id)).cloned()
    }

    /// The members of a partition: (token, member).
    pub fn in_partition(&self, partition: &str) -> Vec<(String, Member)> {
        let mut members: Vec<(String, Member)> = self
            .members
            .iter()
            .filter(|(_, m)| m.partition == partition)
            .map(|(t, m)| (t.clone(), m.clone()))
            .collect();
        members.sort_by_key(|(_, m)| (m.joined, m.id.name()));
        members
    }

    pub fn all(&self) -> Vec<(String, Member)> {
        let mut all: Vec<_> = PARTITIONS
            .iter()
            .flat_map(|p| self.in_partition(p))
            .collect();
        all.sort_by_key(|(_, m)| m.joined);
        all
    }

    pub fn clear(&mut self) {
        self.members.clear();
        self.children.clear();
        self.next_suffix.clear();
    }
}

/// A fresh token: 128 random bits from the OS, as hex.
pub fn new_token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No /dev/urandom: the standard library's per-process random keys.
        use std::hash::{BuildHasher, RandomState};
        for chunk in bytes.chunks_mut(8) {
            let n = RandomState::new().hash_one(Instant::now());
            chunk.copy_from_slice(&n.to_le_bytes()[..chunk.len()]);
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pick_partitions_by_first_letter() {
        assert_eq!(partition_of("alice"), "A-D");
        assert_eq!(partition_of("Erin"), "E-K");
        assert_eq!(partition_of("Lena"), "L-Q");
        assert_eq!(partition_of("zoe"), "R-Z");
        assert_eq!(partition_of("Émile"), "other");
        assert_eq!(partition_of("<script>"), "other");
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(clean_name("  Ruth "), Ok("Ruth".into()));
        assert!(clean_name("   ").is_err());
        assert!(clean_name(&"x".repeat(33)).is_err());
        assert_eq!(
            clean_name(&"ü".repeat(32)).map(|n| n.chars().count()),
            Ok(32)
        );
        assert!(clean_name("a\u{7}b").is_err());
    }

    #[test]
    fn the_same_name_twice_is_two_members() {
        let mut roster = Roster::new();
        let first = roster.add("t1", "Erin", 1);
        let second = roster.add("t2", "Erin", 2);
        assert_eq!(first.id.name(), "Erin");
        assert_eq!(second.id.name(), "Erin 2");
        assert_eq!(roster.token_of("E-K", second.id).as_deref(), Some("t2"));
    }

    #[test]
    fn child_ids_stay_unique_whatever_is_typed_or_removed() {
        let mut roster = Roster::new();
        roster.add("t1", "Erin", 1);
        roster.add("typed", "Erin 2", 1);
        let third = roster.add("t3", "Erin", 1);
        assert_eq!(third.id.name(), "Erin 3", "Erin 2 was typed by someone");
        roster.remove("t1");
        assert_eq!(roster.token_of("E-K", Atom::new("Erin")), None);
        let again = roster.add("t4", "Erin", 1);
        assert_eq!(again.id.name(), "Erin", "a free name is the name itself");
        let ids: std::collections::HashSet<Atom> = (0..500)
            .map(|i| roster.add(&format!("many{i}"), "Erin", 1).id)
            .collect();
        assert_eq!(ids.len(), 500);
        assert_eq!(roster.len(), 503);
        for id in ids {
            assert!(roster.token_of("E-K", id).is_some());
        }
    }

    #[test]
    fn a_restart_is_a_new_pid_after_an_earlier_one() {
        let mut roster = Roster::new();
        roster.add("t1", "Erin", 1);
        let (first, second) = (Pid::from_number(57), Pid::from_number(58));
        assert_eq!(roster.set_pid("t1", Some(first)).unwrap().restarts, 0);
        assert_eq!(
            roster.set_pid("t1", Some(first)).unwrap().restarts,
            0,
            "the same pid told twice (by the join and by the watcher) is one start"
        );
        assert_eq!(roster.set_pid("t1", None).unwrap().restarts, 0);
        let back = roster.set_pid("t1", Some(second)).unwrap();
        assert_eq!((back.restarts, back.pid), (1, Some(second)));
        roster.set_restored("t1", 3);
        assert_eq!(roster.get("t1").unwrap().restored, Some(3));
        assert!(roster.set_pid("nobody", Some(first)).is_none());
    }

    #[test]
    fn crashes_are_rate_limited_per_token() {
        let mut roster = Roster::new();
        roster.add("t1", "Erin", 1);
        roster.add("t2", "Ruth", 1);
        let now = Instant::now();
        for _ in 0..MAX_CRASHES {
            assert!(roster.allow_crash("t1", now));
        }
        assert!(!roster.allow_crash("t1", now));
        assert!(
            roster.allow_crash("t2", now),
            "another member is not limited"
        );
        assert!(roster.allow_crash("t1", now + RATE_WINDOW));
        assert!(!roster.allow_crash("nobody", now));
    }

    #[test]
    fn tokens_are_long_and_different() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
