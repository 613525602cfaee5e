-- The day-before reminders of a referral's 72-hour and 30-day deadlines that went out: the job
-- that sends them runs every minute, and each is sent once per referral (a case referred
-- again has new deadlines, and is reminded of those).
CREATE TABLE case_deadline_reminders (
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    deadline    TEXT    NOT NULL CHECK (deadline IN ('initial_assessment','intervention_plan')),
    sent_at     INTEGER NOT NULL,
    PRIMARY KEY (referral_id, deadline)
);
