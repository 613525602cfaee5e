common-app-name = Convene
common-skip-link = Skip to main content
common-nav-home = Home
common-nav-cases = Cases
common-nav-meetings = Meetings
common-nav-actions = Actions
common-nav-reports = Reports
common-nav-agencies = Agencies
common-nav-users = Users
common-nav-audit = Audit log
common-nav-settings = Settings
common-nav-outbox = Outbox
common-nav-account = Your account
common-sign-out = Sign out
common-signing-out = Signing out…
common-loading = Loading…
common-saving = Saving…
common-error-summary-title = There is a problem
common-not-found-title = Page not found
common-not-found-body = We could not find this page. If you typed the address, check it is correct. If you followed a link, the record may have been removed or you may not have access to it.
common-forbidden-title = You do not have access to this page
common-forbidden-body = Your role does not allow this. If you think you need access, ask your group's coordinator or administrator.
common-back-home = Go to the home page
common-yes = Yes
common-no = No
common-active = Active
common-inactive = Inactive
common-optional = (optional)
common-error-not-signed-in = Sign in to continue.
common-error-forbidden = You do not have permission to do this.
common-error-not-found = We could not find what you were looking for.
common-error-validation = Some answers need correcting.
common-error-rate-limited = Too many attempts. Wait a little and try again. You can try again in { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}.
common-error-unavailable = Convene could not be reached. Check your connection and try again.
common-error-internal = Something went wrong on our side. Nothing was saved. Try again, and tell your administrator if it keeps happening.
common-error-form-incomplete = The form was incomplete. Reload the page and try again.
common-error-prefix = Error:
common-nav-label = Main
language-name = English
common-signed-in-as = Signed in as { $name }
common-cases-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
common-language = Language
users-language-unknown = Choose one of the languages in the list.
common-body-invalid = Send the form again: what arrived could not be read.
# How a date and time are written (chrono's format: %d day, %m month, %b month's short name,
# %Y year, %H:%M time, %Z the zone's abbreviation).
time-date-time = %-d %b %Y, %H:%M %Z
time-date = %-d %b %Y
