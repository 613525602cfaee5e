-- Who last set an account's password, when it was not its owner (NULL: the owner chose it).
-- An account whose password someone else knows is given a fresh one when a second person
-- confirms that it may read cases, so that the one who set it never reads through it.
ALTER TABLE users ADD COLUMN password_set_by INTEGER REFERENCES users(id);
