//! Restart intensity: how many restarts a supervisor allows in a period
//! before it decides something is deeply wrong and gives up (S3).
//!
//! Every restart is timestamped on the runtime clock. Restarts older than
//! the period are forgotten; if the ones that remain, counting the new one,
//! are more than the intensity, the supervisor stops all its children and
//! exits with `shutdown`, passing the problem up the tree. OTP keeps these
//! timestamps in whole seconds; the playground keeps the exact time, so a
//! restart "5 seconds later" is never counted by rounding.

use std::collections::VecDeque;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct RestartIntensity {
    intensity: u32,
    period: Duration,
    restarts: VecDeque<Duration>,
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

    /// Records a restart at `now` and says whether it is allowed.
    pub fn add_restart(&mut self, now: Duration) -> Verdict {
        self.forget_before(now);
        self.restarts.push_back(now);
        let count = self.restarts.len() as u32;
        if count > self.intensity {
            Verdict::GiveUp { count }
        } else {
            Verdict::Restart { count }
        }
    }

    /// Restarts within the period that ends at `now`.
    pub fn recent(&mut self, now: Duration) -> u32 {
        self.forget_before(now);
        self.restarts.len() as u32
    }

    fn forget_before(&mut self, now: Duration) {
        while let Some(&oldest) = self.restarts.front() {
            if now.saturating_sub(oldest) > self.period {
                self.restarts.pop_front();
            } else {
                return;
            }
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
        assert_eq!(budget.add_restart(secs(5.1)), Verdict::Restart { count: 1 });
        assert_eq!(
            budget.add_restart(secs(10.2)),
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
}
