-- Failed sign-ins and current-password checks per account, from whatever address (the last
-- fifteen minutes' are kept). `account` is SHA-256 of the lower-cased email, so an address with
-- no account behind it is held back just the same and the answers cannot tell them apart.
CREATE TABLE account_sign_in_failures (
    account TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX account_sign_in_failures_account ON account_sign_in_failures(account, at);

-- When the account's owner and the admins were last told that it is being held back, so they
-- hear of it once a window and not on every further attempt.
CREATE TABLE account_sign_in_locks (
    account     TEXT    PRIMARY KEY,
    notified_at INTEGER NOT NULL
);
