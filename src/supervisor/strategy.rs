//! Restart strategies as a plan: which children to stop, which to start (S2).
//!
//! Given the failed child's position in start order, a strategy names the
//! children to terminate (in reverse start order, newest first) and the
//! children to start again (in start order). The supervisor carries the
//! plan out; keeping the plan a pure function makes each strategy readable
//! in a few lines and testable without processes.

use super::spec::Strategy;

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Positions to terminate, newest first.
    pub terminate: Vec<usize>,
    /// Positions to start again, oldest first (the failed child included).
    pub start: Vec<usize>,
}

/// The plan for `strategy` when the child at `failed` (of `count`
/// children, in start order) has to be restarted.
pub(crate) fn plan(strategy: Strategy, failed: usize, count: usize) -> Plan {
    match strategy {
        Strategy::OneForOne | Strategy::SimpleOneForOne => Plan {
            terminate: Vec::new(),
            start: vec![failed],
        },
        Strategy::OneForAll => Plan {
            terminate: (0..count).rev().filter(|&i| i != failed).collect(),
            start: (0..count).collect(),
        },
        Strategy::RestForOne => Plan {
            terminate: (failed + 1..count).rev().collect(),
            start: (failed..count).collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s2_one_for_one_restarts_only_the_failed_child() {
        assert_eq!(
            plan(Strategy::OneForOne, 1, 3),
            Plan {
                terminate: vec![],
                start: vec![1]
            }
        );
    }

    #[test]
    fn s2_one_for_all_stops_the_others_newest_first_then_starts_all_in_order() {
        assert_eq!(
            plan(Strategy::OneForAll, 1, 4),
            Plan {
                terminate: vec![3, 2, 0],
                start: vec![0, 1, 2, 3]
            }
        );
    }

    #[test]
    fn s2_rest_for_one_restarts_the_failed_child_and_those_after_it() {
        assert_eq!(
            plan(Strategy::RestForOne, 1, 4),
            Plan {
                terminate: vec![3, 2],
                start: vec![1, 2, 3]
            }
        );
        assert_eq!(
            plan(Strategy::RestForOne, 3, 4),
            Plan {
                terminate: vec![],
                start: vec![3]
            }
        );
    }
}
