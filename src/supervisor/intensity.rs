//! Restart intensity: how many restarts a supervisor allows in a period
//! before it decides something is deeply wrong and gives up (S3).
//!
//! Every restart is timestamped. Restarts older than the period are
//! forgotten; if the ones that remain, counting the new one, are more than
//! the intensity, the supervisor stops all its children and exits with
//! `shutdown`, passing the problem up the tree.
//!
//! This follows `supervisor:add_restart/3` to the letter: timestamps are
//! whole seconds of the monotonic clock (`erlang:monotonic_time(second)`,
//! here the runtime clock floored), and a restart is kept while
//! `Stamp >= Now - Period`. So a restart exactly `period` seconds old still
//! counts, one more than `period + 1` seconds old never does, and in between
//! it depends on where in their seconds the two restarts fell, as on the
//! BEAM.

use std::collections::VecDeque;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct RestartIntensity {
    intensity: u32,
    period: Duration,
    /// Whole seconds, oldest first.
    restarts: VecDeque<u64>,
}

/// The budget after a restart was added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead: this is restart `count` within the period.
    Restart { count: u32 },
    /// Too many: `count` restarts within the period exceed the intensity.
    GiveUp { count: u32 },
}

impl RestartIntensity {
    /// `period` counts in whole seconds, as OTP's does (the language only
    /// accepts whole seconds); a fraction is dropped.
    pub fn new(intensity: u32, period: Duration) -> RestartIntensity {
        RestartIntensity {
            intensity,
            period,
            restarts: VecDeque::new(),
        }
    }

    pub fn intensity(&self) -> u32 {
        self.intensity
    }

    pub fn period(&self) -> Duration {
        self.period
    }

    /// Records a restart at `now` and says whether it is allowed, like
    /// `supervisor:add_restart/1`.
    pub fn add_restart(&mut self, now: Duration) -> Verdict {
        let now = now.as_secs();
        self.forget_before(now);
        self.restarts.push_back(now);
        let count = self.restarts.len() as u32;
        if count > self.intensity {
            Verdict::GiveUp { count }
        } else {
            Verdict::Restart { count }
        }
    }

    /// Restarts that would still count against the intensity at `now`, by
    /// the same rule as [`RestartIntensity::add_restart`].
    pub fn recent(&mut self, now: Duration) -> u32 {
        self.forget_before(now.as_secs());
        self.restarts.len() as u32
    }

    /// Drops the stamps older than `Now - Period` (`supervisor:add_restart/3`
    /// keeps `R >= Now - Period`).
    fn forget_before(&mut self, now: u64) {
        let threshold = now.saturating_sub(self.period.as_secs());
        while self
            .restarts
            .front()
            .is_some_and(|&stamp| stamp < threshold)
        {
            self.restarts.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn s3_with_intensity_1_the_second_restart_within_the_period_gives_up() {
        let mut budget = RestartIntensity::new(1, secs(5.0));
        assert_eq!(budget.add_restart(secs(0.0)), Verdict::Restart { count: 1 });
        assert_eq!(budget.add_restart(secs(4.9)), Verdict::GiveUp { count: 2 });
    }

    #[test]
    fn s3_restarts_older_than_the_period_are_forgotten() {
        let mut budget = RestartIntensity::new(1, secs(5.0));
        assert_eq!(budget.add_restart(secs(0.0)), Verdict::Restart { count: 1 });
        assert_eq!(budget.add_restart(secs(6.0)), Verdict::Restart { count: 1 });
        assert_eq!(
            budget.add_restart(secs(12.2)),
            Verdict::Restart { count: 1 }
        );
        assert_eq!(budget.recent(secs(100.0)), 0);
    }

    #[test]
    fn s3_with_intensity_0_the_first_failure_gives_up() {
        let mut budget = RestartIntensity::new(0, secs(5.0));
        assert_eq!(budget.add_restart(secs(1.0)), Verdict::GiveUp { count: 1 });
    }

    #[test]
    fn s3_intensity_3_allows_three_in_the_period() {
        let mut budget = RestartIntensity::new(3, secs(5.0));
        for (i, t) in [0.0, 1.0, 2.0].into_iter().enumerate() {
            assert_eq!(
                budget.add_restart(secs(t)),
                Verdict::Restart {
                    count: i as u32 + 1
                }
            );
        }
        assert_eq!(budget.add_restart(secs(3.0)), Verdict::GiveUp { count: 4 });
    }

    #[test]
    fn s3_a_restart_exactly_one_period_old_still_counts() {
        for first in [0.0, 0.3, 0.999] {
            let mut budget = RestartIntensity::new(1, secs(5.0));
            assert_eq!(
                budget.add_restart(secs(first)),
                Verdict::Restart { count: 1 }
            );
            assert_eq!(
                budget.add_restart(secs(first + 5.0)),
                Verdict::GiveUp { count: 2 },
                "first at {first}s"
            );
        }
    }

    #[test]
    fn s3_a_restart_6_2_seconds_old_never_counts() {
        for first in [0.0, 0.3, 0.79, 0.8, 0.999] {
            let mut budget = RestartIntensity::new(1, secs(5.0));
            assert_eq!(
                budget.add_restart(secs(first)),
                Verdict::Restart { count: 1 }
            );
            assert_eq!(
                budget.add_restart(secs(first + 6.2)),
                Verdict::Restart { count: 1 },
                "first at {first}s"
            );
        }
    }

    #[test]
    fn s3_a_restart_5_5_seconds_old_counts_depending_on_its_place_in_its_second() {
        // 0.2 and 5.7 are in seconds 0 and 5: 0 >= 5 - 5, still counted.
        let mut budget = RestartIntensity::new(1, secs(5.0));
        budget.add_restart(secs(0.2));
        assert_eq!(budget.add_restart(secs(5.7)), Verdict::GiveUp { count: 2 });
        // 0.7 and 6.2 are in seconds 0 and 6: 0 < 6 - 5, forgotten.
        let mut budget = RestartIntensity::new(1, secs(5.0));
        budget.add_restart(secs(0.7));
        assert_eq!(budget.add_restart(secs(6.2)), Verdict::Restart { count: 1 });
    }

    #[test]
    fn s3_recent_counts_by_the_same_rule() {
        let mut budget = RestartIntensity::new(3, secs(5.0));
        budget.add_restart(secs(0.9));
        assert_eq!(budget.recent(secs(5.99)), 1);
        assert_eq!(budget.recent(secs(6.0)), 0);
    }
}
