#!/usr/bin/env python3
"""Writes server/openapi.json. The document is hand-maintained through this script; the
`openapi` integration test checks it lists exactly the routes the server serves."""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def arr(s): return {"type": "array", "items": s}
def body(schema, desc=None):
    b = {"required": True, "content": {"application/json": {"schema": schema}}}
    if desc: b["description"] = desc
    return b
def ok(schema, desc="OK", code="200"): return {code: {"description": desc, "content": {"application/json": {"schema": schema}}}}
def errs(*codes):
    names = {"401": "Not signed in, or sign-in refused", "403": "Not allowed for this role, or a cross-site write",
             "404": "No such record", "409": "Conflict with the current state", "422": "Validation failed: `fields` names each bad field",
             "429": "Too many attempts: see Retry-After"}
    return {c: {"description": names[c], "content": {"application/json": {"schema": ref("Error")}}} for c in codes}
def op(summary, responses, tag, request=None, params=None, security=True):
    o = {"summary": summary, "tags": [tag], "responses": responses}
    if request: o["requestBody"] = request
    if params: o["parameters"] = params
    if not security: o["security"] = []
    return o
ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
def q(name, schema, desc): return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}
no_content = {"204": {"description": "Done"}}
STD = ("401", "403")

schemas = {
  "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
      "code": {"type": "string", "enum": ["validation", "unauthorized", "forbidden", "not_found", "conflict", "rate_limited", "internal", "method_not_allowed"]},
      "message": {"type": "string"},
      "fields": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Field name → what is wrong with it"},
      "retry_after_secs": {"type": "integer"}}}}},
  "Role": {"type": "string", "enum": ["admin", "chair", "coordinator", "member", "observer"]},
  "Representation": {"type": "string", "enum": ["regular", "deputy", "none"]},
  "AgencyKind": {"type": "string", "enum": ["police", "social_services", "child_protection", "health", "justice", "probation", "education", "ngo", "other"]},
  "Me": {"type": "object", "required": ["id", "email", "name", "role", "agency_id", "totp_enabled", "must_enrol_totp"], "properties": {
      "id": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"}, "role": ref("Role"),
      "agency_id": {"type": ["integer", "null"]}, "totp_enabled": {"type": "boolean"},
      "must_enrol_totp": {"type": "boolean", "description": "The group requires two-factor sign-in and this user has not set it up: only /me endpoints answer until they do."}}},
  "SignIn": {"type": "object", "required": ["email", "password"], "properties": {
      "email": {"type": "string"}, "password": {"type": "string"}, "totp": {"type": ["string", "null"], "description": "The 6-digit code, when two-factor sign-in is on. A code is accepted once."}}},
  "PasswordChange": {"type": "object", "required": ["current_password", "new_password"], "properties": {
      "current_password": {"type": "string"}, "new_password": {"type": "string", "minLength": 12}}},
  "TotpEnrolment": {"type": "object", "required": ["otpauth_uri", "secret", "qr_svg"], "properties": {
      "otpauth_uri": {"type": "string"}, "secret": {"type": "string", "description": "Base32"}, "qr_svg": {"type": "string"}}},
  "TotpCode": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
  "PasswordOnly": {"type": "object", "required": ["password"], "properties": {"password": {"type": "string"}}},
  "AgencyMember": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "email": {"type": "string"}, "role": ref("Role"), "representation": ref("Representation")}},
  "Agency": {"type": "object", "required": ["id", "name", "kind", "active", "children_only", "members"], "properties": {
      "id": {"type": "integer"}, "name": {"type": "string"}, "kind": ref("AgencyKind"), "active": {"type": "boolean"},
      "contact_name": {"type": ["string", "null"]}, "contact_email": {"type": ["string", "null"]}, "contact_phone": {"type": ["string", "null"]},
      "children_only": {"type": "boolean", "description": "Children's services only: attends only the children's cases and leaves the live meeting at the chair's cut-off."},
      "members": arr(ref("AgencyMember"))}},
  "NewAgency": {"type": "object", "required": ["name", "kind"], "properties": {
      "name": {"type": "string", "minLength": 2, "maxLength": 120}, "kind": ref("AgencyKind"),
      "contact_name": {"type": ["string", "null"]}, "contact_email": {"type": ["string", "null"]}, "contact_phone": {"type": ["string", "null"]},
      "children_only": {"type": "boolean", "description": "Children's services only: attends only the children's cases and leaves the live meeting at the chair's cut-off. Default false."}}},
  "AgencyPatch": {"type": "object", "description": "Absent fields stay as they are; an empty contact field clears it.", "properties": {
      "name": {"type": "string"}, "kind": ref("AgencyKind"), "active": {"type": "boolean"},
      "contact_name": {"type": "string"}, "contact_email": {"type": "string"}, "contact_phone": {"type": "string"},
      "children_only": {"type": "boolean", "description": "Children's services only: attends only the children's cases and leaves the live meeting at the chair's cut-off."}}},
  "UserAccount": {"type": "object", "required": ["id", "email", "name", "role", "active"], "properties": {
      "id": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"}, "role": ref("Role"),
      "agency_id": {"type": ["integer", "null"]}, "agency_name": {"type": ["string", "null"]}, "representation": ref("Representation"),
      "active": {"type": "boolean"}, "totp_enabled": {"type": "boolean"}, "created_at": {"type": "string", "format": "date-time"}}},
  "NewUser": {"type": "object", "required": ["email", "name", "role"], "properties": {
      "email": {"type": "string"}, "name": {"type": "string"}, "role": ref("Role"), "agency_id": {"type": ["integer", "null"], "description": "Required for members"},
      "representation": ref("Representation"), "password": {"type": ["string", "null"], "description": "At least 12 characters; when absent one is generated and returned once"}}},
  "CreatedUser": {"type": "object", "required": ["user"], "properties": {"user": ref("UserAccount"), "initial_password": {"type": "string", "description": "Present only when generated"}}},
  "AccessRequest": {"type": "object", "description": "A change that would let someone read case data, waiting for (or decided by) a second person.",
      "required": ["id", "kind", "state", "user_id", "role", "activate", "asked_by", "asked_by_role", "may_confirm", "may_withdraw"], "properties": {
      "id": {"type": "integer"}, "kind": {"type": "string", "enum": ["grant_role", "enable", "reset_password", "reset_totp", "create_account"]},
      "state": {"type": "string", "enum": ["pending", "confirmed", "refused", "withdrawn"]},
      "user_id": {"type": "integer"}, "user_name": {"type": "string"}, "role": ref("Role"),
      "agency_id": {"type": ["integer", "null"]}, "agency_name": {"type": ["string", "null"]},
      "activate": {"type": "boolean", "description": "Confirming also makes the account active"},
      "asked_by": {"type": "integer"}, "asked_by_name": {"type": "string"}, "asked_by_role": ref("Role"),
      "decided_by": {"type": ["integer", "null"]}, "created_at": {"type": "string", "format": "date-time"}, "decided_at": {"type": ["string", "null"], "format": "date-time"},
      "may_confirm": {"type": "boolean", "description": "Whether you may confirm or refuse it (never the asker, never the person concerned)"},
      "may_withdraw": {"type": "boolean"}}},
  "ConfirmedRequest": {"type": "object", "required": ["request"], "properties": {"request": ref("AccessRequest"),
      "one_time_password": {"type": "string", "description": "For a new account or a password reset: shown once, to the confirmer, who passes it on"}}},
  "ResetDone": {"type": "object", "properties": {"one_time_password": {"type": "string", "description": "A password reset: the new one-time password, shown once"}}},
  "UserPatch": {"type": "object", "description": "Absent fields stay as they are. Deactivating or setting a password ends the user's sessions.", "properties": {
      "name": {"type": "string"}, "role": ref("Role"), "agency_id": {"type": ["integer", "null"]}, "representation": ref("Representation"),
      "active": {"type": "boolean"}, "password": {"type": "string"}}},
  "AuditEntry": {"type": "object", "properties": {
      "id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "at_unix": {"type": "integer"},
      "actor_user_id": {"type": ["integer", "null"]}, "actor_name": {"type": ["string", "null"]}, "action": {"type": "string"},
      "entity": {"type": "string"}, "entity_id": {"type": ["string", "null"]}, "reason": {"type": ["string", "null"]}, "details": {}}},
  "AuditPage": {"type": "object", "required": ["entries"], "properties": {"entries": arr(ref("AuditEntry")), "next_before_id": {"type": ["integer", "null"]}}},
  "Settings": {"type": "object", "required": ["require_totp", "escalation_incidents"], "properties": {"require_totp": {"type": "boolean"}, "escalation_incidents": {"type": "integer", "description": "Incidents in 12 months for potential escalation (default 3)"},
      "case_item_minutes": {"type": "integer", "description": "Agenda time per case (default 12)"}, "research_due_hours": {"type": "integer", "description": "Research due before the meeting (default 24)"},
      "carry_over_limit": {"type": "integer", "description": "Carry-overs before escalation (default 2)"},
      "retention_case_months": {"type": "integer", "description": "Months after closing before a case's personal data is erased (default 72)"},
      "retention_audit_months": {"type": "integer", "description": "Months audit rows are kept (default 84)"}}},
  "SettingsPatch": {"type": "object", "properties": {"require_totp": {"type": "boolean"}, "escalation_incidents": {"type": "integer", "minimum": 1, "maximum": 50},
      "case_item_minutes": {"type": "integer", "minimum": 1, "maximum": 120}, "research_due_hours": {"type": "integer", "minimum": 0, "maximum": 336}, "carry_over_limit": {"type": "integer", "minimum": 1, "maximum": 12},
      "retention_case_months": {"type": "integer", "minimum": 12, "maximum": 240},
      "retention_audit_months": {"type": "integer", "minimum": 12, "maximum": 240, "description": "At least retention_case_months"}}},
  "Notice": {"type": "object", "required": ["id", "kind", "text", "created_at", "read"], "properties": {
      "id": {"type": "integer"}, "kind": {"type": "string"}, "reference": {"type": ["string", "null"], "description": "The case it concerns"},
      "text": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}, "read": {"type": "boolean"}}},
  "Criteria": {"type": "object", "required": ["dash_yes", "visible_high_risk", "professional_judgement", "potential_escalation", "repeat"], "properties": {
      "dash_yes": {"type": "integer", "description": "\"yes\" answers in the checklist (\"unknown\" is not yes)"},
      "visible_high_risk": {"type": "boolean", "description": "14 or more yes"},
      "professional_judgement": {"type": "boolean", "description": "reasons were given"},
      "potential_escalation": {"type": "boolean", "description": "incidents in the last 12 months at or above the group's setting (default 3)"},
      "repeat": {"type": "boolean", "description": "this victim had a referral at most 12 months before (same calendar date a year on counts)"}}},
  "Victim": {"type": "object", "required": ["name", "date_of_birth", "safe_to_contact"], "description": "Restricted: never returned except by /reveal", "properties": {
      "name": {"type": "string"}, "date_of_birth": {"type": "string", "format": "date"}, "safe_contact": {"type": ["string", "null"]}, "safe_to_contact": {"type": "boolean"}}},
  "Referral": {"type": "object", "required": ["referred_on", "referring_agency_id", "checklist", "incidents_last_12_months", "consent"], "properties": {
      "referred_on": {"type": "string", "format": "date", "description": "Not in the future"},
      "referring_agency_id": {"type": "integer", "description": "A member refers for their own agency"},
      "referrer_name": {"type": ["string", "null"]},
      "victim": {"$ref": "#/components/schemas/Victim", "description": "Required by POST /cases; left out by POST /cases/{id}/referrals"},
      "perpetrator": {"type": ["object", "null"], "properties": {"name": {"type": ["string", "null"]}, "date_of_birth": {"type": ["string", "null"], "format": "date"}}},
      "children": arr({"type": "object", "properties": {"initials": {"type": "string"}, "age": {"type": "integer", "minimum": 0, "maximum": 17}}}),
      "checklist": {"type": "array", "minItems": 24, "maxItems": 24, "items": {"type": "string", "enum": ["yes", "no", "unknown"]}, "description": "The 24 DASH risk factors, in order"},
      "judgement_reasons": {"type": ["string", "null"]},
      "incidents_last_12_months": {"type": "integer", "minimum": 0},
      "consent": {"type": "object", "required": ["victim_informed", "consent_to_share"], "properties": {
          "victim_informed": {"type": "string", "enum": ["yes", "no", "unsafe_to_inform"]},
          "consent_to_share": {"type": "string", "enum": ["given", "refused", "not_sought"]},
          "lawful_basis": {"type": ["string", "null"], "description": "Required unless consent was given"}}},
      "victim_voice": {"type": ["object", "null"], "properties": {"advocate_name": {"type": ["string", "null"]}, "advocate_agency_id": {"type": ["integer", "null"]}, "views": {"type": ["string", "null"]}}}}},
  "CaseCreated": {"type": "object", "required": ["id", "reference", "existing_case", "criteria"], "properties": {
      "id": {"type": "integer"}, "reference": {"type": "string", "example": "C-2026-0042"},
      "existing_case": {"type": "boolean", "description": "The referral was added to a case of the victim that the referrer could already see. Otherwise a new case is opened, whether or not the register knows her: the coordinator checks every referral and links it to a known case if there is one"},
      "referral_id": {"type": "integer"}, "criteria": ref("Criteria")}},
  "Assessment": {"type": "object", "description": "The criteria alone: the victim is never looked up, so the answer is the same for a known and an unknown person", "properties": {"criteria": ref("Criteria"), "unanswered": arr({"type": "integer"})}},
  "PendingMatch": {"type": "object", "description": "A referral that opened a provisional case for a victim the register already knows", "properties": {
      "id": {"type": "integer"}, "case_id": {"type": "integer"}, "case_reference": {"type": "string"}, "matched_case_id": {"type": "integer"},
      "matched_reference": {"type": "string"}, "referring_agency_name": {"type": ["string", "null"]}, "created_at": {"type": "string", "format": "date-time"}}},
  "MatchDecision": {"type": "object", "required": ["decision"], "properties": {"decision": {"type": "string", "enum": ["confirm", "reject"], "description": "confirm: the same person, the provisional case is merged into the known one (referrals, agencies, children merged); reject: another person, it stays a case of its own"}}},
  "MatchDecided": {"type": "object", "properties": {"id": {"type": "integer"}, "decision": {"type": "string", "enum": ["confirm", "reject"]}, "case_id": {"type": "integer", "description": "Where the referral now is"}, "reference": {"type": "string"}}},
  "WithdrawResearch": {"type": "object", "required": ["agency_id"], "properties": {"agency_id": {"type": "integer"}}},
  "CaseStatus": {"type": "string", "enum": ["referred", "active", "monitoring", "closed"]},
  "Deadline": {"type": "object", "properties": {"state": {"type": "string", "enum": ["done", "due", "overdue", "not_applicable"]}, "on": {"type": "string", "format": "date"}, "by_unix": {"type": "integer"}}},
  "Deadlines": {"type": "object", "properties": {"initial_assessment": ref("Deadline"), "intervention_plan": ref("Deadline")}},
  "CaseSummary": {"type": "object", "properties": {
      "id": {"type": "integer"}, "reference": {"type": "string"}, "status": ref("CaseStatus"), "lead_agency_id": {"type": ["integer", "null"]},
      "lead_agency_name": {"type": ["string", "null"]}, "children_count": {"type": "integer"}, "referral_count": {"type": "integer"},
      "last_referred_on": {"type": "string", "format": "date"}, "criteria": ref("Criteria"), "deadlines": ref("Deadlines")}},
  "InvolvedAgency": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "reasons": arr({"type": "string", "enum": ["referring", "lead", "added", "action", "research"]})}},
  "PersonRef": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "agency_name": {"type": ["string", "null"]}}},
  "ReferralView": {"type": "object", "description": "A referral without restricted fields", "properties": {
      "id": {"type": "integer"}, "referred_on": {"type": "string", "format": "date"}, "registered_at": {"type": "string", "format": "date-time"},
      "referring_agency_id": {"type": "integer"}, "referring_agency_name": {"type": "string"}, "referrer": {"type": ["string", "null"]},
      "criteria": ref("Criteria"), "checklist": arr({"type": "string", "enum": ["yes", "no", "unknown"]}),
      "judgement_reasons": {"type": ["string", "null"]}, "incidents_last_12_months": {"type": "integer"},
      "victim_informed": {"type": "string"}, "consent_to_share": {"type": "string"}, "lawful_basis": {"type": ["string", "null"]},
      "advocate_name": {"type": ["string", "null"]}, "advocate_agency_name": {"type": ["string", "null"]}, "victim_views": {"type": ["string", "null"]},
      "children_count": {"type": "integer"}, "initial_assessment_on": {"type": ["string", "null"]}, "intervention_plan_on": {"type": ["string", "null"]}}},
  "RestrictedField": {"type": "string", "enum": ["victim_name", "victim_date_of_birth", "victim_safe_contact", "safe_to_contact", "perpetrator_name", "perpetrator_date_of_birth", "children_initials"]},
  "CaseDetail": {"type": "object", "properties": {
      "id": {"type": "integer"}, "reference": {"type": "string"}, "status": ref("CaseStatus"), "lead_agency": {"oneOf": [ref("InvolvedAgency"), {"type": "null"}]},
      "case_manager": {"oneOf": [ref("PersonRef"), {"type": "null"}]}, "case_responsible": {"oneOf": [ref("PersonRef"), {"type": "null"}]},
      "agencies": arr(ref("InvolvedAgency")), "children_ages": arr({"type": "integer"}), "has_perpetrator_details": {"type": "boolean"},
      "referrals": arr(ref("ReferralView")), "deadlines": ref("Deadlines"),
      "restricted": {"type": "array", "items": ref("RestrictedField"), "description": "Fields held; values only through /reveal"}}},
  "CasePatch": {"type": "object", "description": "Absent fields stay. Lead and added agencies: chair and coordinator only.", "properties": {
      "status": ref("CaseStatus"), "closing_reason": {"type": ["string", "null"], "maxLength": 2000, "description": "Required when the status changes to closed; erased with the case's personal data"},
      "lead_agency_id": {"type": ["integer", "null"]}, "case_manager_id": {"type": ["integer", "null"]},
      "case_responsible_id": {"type": ["integer", "null"]}, "added_agency_ids": arr({"type": "integer"}),
      "initial_assessment_on": {"type": ["string", "null"], "format": "date"}, "intervention_plan_on": {"type": ["string", "null"], "format": "date"}}},
  "RevealRequest": {"type": "object", "required": ["field", "reason"], "properties": {"field": ref("RestrictedField"), "reason": {"type": "string", "description": "Why the detail is needed; kept in the audit log"}}},
  "Revealed": {"type": "object", "properties": {"field": ref("RestrictedField"), "value": {}}},
  "TimelineEntry": {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}, "at_unix": {"type": "integer"}, "what": {"type": "string"}, "who": {"type": ["string", "null"]}, "detail": {"type": ["string", "null"]}}},
  "MeetingStatus": {"type": "string", "enum": ["draft", "agenda_published", "in_session", "closed", "minutes_approved"]},
  "Meeting": {"type": "object", "properties": {
      "id": {"type": "integer"}, "series_id": {"type": ["integer", "null"]}, "starts_at": {"type": "string", "format": "date-time"}, "starts_at_unix": {"type": "integer"},
      "ends_at": {"type": "string", "format": "date-time"}, "ends_at_unix": {"type": "integer"}, "place": {"type": ["string", "null"]}, "video_link": {"type": ["string", "null"]},
      "chair": {"oneOf": [ref("PersonRef"), {"type": "null"}]}, "status": ref("MeetingStatus"), "agenda_published_at": {"type": ["string", "null"]},
      "research_due_unix": {"type": "integer"}}},
  "NewMeeting": {"type": "object", "required": ["starts_at"], "properties": {
      "starts_at": {"type": "string", "description": "YYYY-MM-DDTHH:MM (UTC) or RFC 3339"}, "duration_minutes": {"type": "integer", "default": 180},
      "place": {"type": ["string", "null"]}, "video_link": {"type": ["string", "null"], "description": "https:// only"}, "chair_id": {"type": ["integer", "null"]}}},
  "MeetingPatch": {"type": "object", "properties": {
      "starts_at": {"type": "string"}, "ends_at": {"type": "string"}, "place": {"type": "string"}, "video_link": {"type": "string"},
      "chair_id": {"type": ["integer", "null"]}, "status": {"type": "string", "enum": ["in_session", "closed"], "description": "agenda_published → in_session → closed"}}},
  "Series": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "every_weeks": {"type": "integer"}, "weekday": {"type": "integer"},
      "start_time": {"type": "string"}, "duration_minutes": {"type": "integer"}, "place": {"type": ["string", "null"]}, "video_link": {"type": ["string", "null"]}, "default_chair_id": {"type": ["integer", "null"]}}},
  "NewSeries": {"type": "object", "required": ["name", "every_weeks", "first_date", "start_time"], "properties": {
      "name": {"type": "string"}, "every_weeks": {"type": "integer", "minimum": 1, "maximum": 12}, "first_date": {"type": "string", "format": "date"},
      "start_time": {"type": "string", "example": "10:00"}, "duration_minutes": {"type": "integer"}, "place": {"type": ["string", "null"]},
      "video_link": {"type": ["string", "null"]}, "default_chair_id": {"type": ["integer", "null"]}}},
  "ItemKind": {"type": "string", "enum": ["confidentiality", "previous_minutes", "incomplete_actions", "new_case_children", "new_case", "review", "twelve_month_notice", "barriers", "aob", "other"]},
  "AgendaItem": {"type": "object", "properties": {
      "id": {"type": "integer"}, "position": {"type": "integer"}, "kind": ref("ItemKind"), "title": {"type": "string"}, "case_id": {"type": ["integer", "null"]},
      "reference": {"type": ["string", "null"]}, "details": {"type": ["object", "null"], "description": "Status, risk, children, referring and lead agency: only for those who may see the case; never names"},
      "research": arr({"type": "object", "properties": {"agency_id": {"type": "integer"}, "agency_name": {"type": "string"}, "state": {"type": "string"}}}),
      "minutes": {"type": "integer"}, "starts_unix": {"type": "integer"}, "manual": {"type": "boolean"}, "notes": {"type": ["string", "null"]},
      "removed": {"type": "boolean"}, "removed_reason": {"type": ["string", "null"]}, "deferred_to": {"type": ["integer", "null"]}}},
  "Agenda": {"type": "object", "properties": {
      "meeting": ref("Meeting"), "items": arr(ref("AgendaItem")), "expected_end_unix": {"type": "integer"}, "overrun_minutes": {"type": "integer"},
      "built": {"type": "boolean"}, "changes_since_publication": arr({"type": "object"}), "must_acknowledge": {"type": "boolean"},
      "previous_meeting": {"type": ["object", "null"]}, "marking": {"type": "string"}, "viewer": {"type": "string"}, "viewed_at": {"type": "string"}}},
  "AgendaPatch": {"type": "object", "required": ["operations"], "properties": {"operations": arr({"type": "object", "required": ["op"], "description":
      "op: move {item_id, position} · remove {item_id, reason} · restore {item_id} · defer {item_id} · set_minutes {item_id, minutes} · set_notes {item_id, notes} · add {kind, title?, case_id?, minutes?}",
      "properties": {"op": {"type": "string", "enum": ["move", "remove", "restore", "defer", "set_minutes", "set_notes", "add"]}}})}},
  "ResearchReturn": {"type": "object", "properties": {"agency_id": {"type": "integer"}, "agency_name": {"type": "string"}, "state": {"type": "string", "enum": ["holds", "no_trace"]},
      "body_md": {"type": ["string", "null"]}, "body_html": {"type": ["string", "null"], "description": "Sanitised"}, "by": {"type": ["string", "null"]}, "updated_at": {"type": "string"}}},
  "CaseResearch": {"type": "object", "properties": {"case_id": {"type": "integer"}, "reference": {"type": "string"}, "due_unix": {"type": "integer"}, "returns": arr(ref("ResearchReturn"))}},
  "ResearchInput": {"type": "object", "required": ["state"], "properties": {"agency_id": {"type": ["integer", "null"], "description": "Chair/coordinator only; a member's is their own"},
      "state": {"type": "string", "enum": ["holds", "no_trace", "none"]}, "body_md": {"type": ["string", "null"], "description": "Required with holds"}}},
  "ResearchGrid": {"type": "object", "properties": {"agencies": arr({"type": "array"}), "cases": arr({"type": "object"}), "due_unix": {"type": "integer"}}},
  "AttendanceRow": {"type": "object", "properties": {"user_id": {"type": "integer"}, "name": {"type": "string"}, "role": ref("Role"), "agency_id": {"type": ["integer", "null"]},
      "agency_name": {"type": ["string", "null"]}, "observer": {"type": "boolean"}, "status": {"type": ["string", "null"], "enum": ["present", "apologies", "apologies_info_sent", "absent", None]},
      "acknowledged_at": {"type": ["string", "null"]}}},
  "AttendanceUpdate": {"type": "object", "required": ["entries"], "properties": {"entries": arr({"type": "object", "required": ["user_id", "status"], "properties": {
      "user_id": {"type": "integer"}, "status": {"type": "string", "enum": ["present", "apologies", "apologies_info_sent", "absent"]}}})}},
  "AgencyContinuity": {"type": "object", "properties": {"agency_id": {"type": "integer"}, "agency_name": {"type": "string"}, "meetings_held": {"type": "integer"},
      "meetings_attended": {"type": "integer"}, "apologies": {"type": "integer"}, "people": arr({"type": "array"})}},
  "LiveState": {"type": "object", "description": "See docs/live-protocol.md", "properties": {"meeting_id": {"type": "integer"}, "seq": {"type": "integer", "description": "The last change included"},
      "title": {"type": "string"}, "status": {"type": "string"}, "current_item_id": {"type": ["integer", "null"]}, "children_done": {"type": "boolean"}, "left_after_children": {"type": "boolean"},
      "may_chair": {"type": "boolean"}, "may_record": {"type": "boolean"}, "items": arr({"type": "object"}), "agencies": arr({"type": "object"}), "people": arr({"type": "object"}), "now_ms": {"type": "integer"}}},
  "Minutes": {"type": "object", "properties": {"meeting": ref("Meeting"), "status": {"type": "string", "enum": ["draft", "circulated", "approved"]}, "version": {"type": "integer"},
      "review_deadline": {"type": ["string", "null"]}, "approved_at": {"type": ["string", "null"]}, "approved_by": {"type": ["string", "null"]},
      "sections": arr({"type": "object", "properties": {"id": {"type": "integer"}, "position": {"type": "integer"}, "heading": {"type": "string"}, "case_id": {"type": ["integer", "null"]},
          "body_md": {"type": "string"}, "body_html": {"type": "string", "description": "Rendered with pulldown-cmark and sanitised"}}}),
      "comments": arr({"type": "object"}), "addenda": arr({"type": "object"}), "extract_for": {"type": ["integer", "null"]},
      "marking": {"type": "string"}, "viewer": {"type": "string"}, "viewed_at": {"type": "string"}}},
  "MinutesUpdate": {"type": "object", "required": ["version", "sections"], "properties": {"version": {"type": "integer", "description": "The version edited; a stale one is refused with 409"},
      "sections": arr({"type": "object", "required": ["id", "body_md"], "properties": {"id": {"type": "integer"}, "body_md": {"type": "string"}}})}},
  "CommentInput": {"type": "object", "required": ["body"], "properties": {"section_id": {"type": ["integer", "null"]}, "body": {"type": "string"}, "proposed_text": {"type": ["string", "null"]}}},
  "ResolveInput": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["accepted", "declined"]}, "note": {"type": ["string", "null"]}}},
  "AddendumInput": {"type": "object", "required": ["body_md"], "properties": {"body_md": {"type": "string"}}},
  "ActionKind": {"type": "string", "enum": ["safety_planning", "police_marker", "protection_order_support", "housing", "perpetrator_programme_referral", "child_safeguarding",
      "health", "mental_health", "substance_use", "legal_advice", "advocate_support", "information_sharing", "other"]},
  "ActionStatus": {"type": "string", "enum": ["open", "in_progress", "done", "not_done_circumstances", "not_done_agency", "superseded"]},
  "BarrierCategory": {"type": "string", "enum": ["resources_capacity", "legal_procedural", "information_sharing", "victim_engagement", "inter_agency_communication", "other"]},
  "Action": {"type": "object", "properties": {
      "id": {"type": "integer"}, "case_id": {"type": "integer"}, "reference": {"type": "string"}, "meeting_id": {"type": ["integer", "null"]},
      "owner_agency_id": {"type": "integer"}, "owner_agency_name": {"type": "string"}, "owner_user_id": {"type": ["integer", "null"]}, "owner_user_name": {"type": ["string", "null"]},
      "kind": ref("ActionKind"), "text": {"type": "string"}, "due_on": {"type": "string", "format": "date"}, "status": ref("ActionStatus"), "overdue": {"type": "boolean"},
      "superseded_by": {"type": ["integer", "null"]}, "barrier_category": {"oneOf": [ref("BarrierCategory"), {"type": "null"}]}, "barrier_text": {"type": ["string", "null"]},
      "what_is_different": {"type": ["string", "null"]}, "carried_over": {"type": "integer"}, "escalated": {"type": "boolean"}, "created_at": {"type": "string"}}},
  "NewAction": {"type": "object", "required": ["case_id", "owner_agency_id", "kind", "text", "due_on"], "properties": {
      "case_id": {"type": "integer"}, "meeting_id": {"type": ["integer", "null"]}, "owner_agency_id": {"type": "integer"}, "owner_user_id": {"type": ["integer", "null"]},
      "kind": ref("ActionKind"), "text": {"type": "string", "description": "A perpetrator programme referral naming anger management, couples counselling, mediation or family therapy is refused"},
      "due_on": {"type": "string", "format": "date"},
      "what_is_different": {"type": ["string", "null"], "description": "Required when an action of this kind for this agency ended not done before on the case"}}},
  "ActionPatch": {"type": "object", "properties": {
      "status": ref("ActionStatus"), "reason": {"type": ["string", "null"], "description": "Required for not done and superseded, and with a new due date"},
      "barrier": {"type": ["object", "null"], "properties": {"category": ref("BarrierCategory"), "text": {"type": ["string", "null"]}}, "description": "Required with a not-done status"},
      "due_on": {"type": ["string", "null"], "format": "date"}, "superseded_by": {"type": ["integer", "null"]}, "note": {"type": ["string", "null"]}, "meeting_id": {"type": ["integer", "null"]}}},
  "HistoryEntry": {"type": "object", "properties": {"at": {"type": "string"}, "at_unix": {"type": "integer"}, "who": {"type": ["string", "null"]}, "meeting_id": {"type": ["integer", "null"]},
      "from": {"oneOf": [ref("ActionStatus"), {"type": "null"}]}, "to": ref("ActionStatus"), "reason": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]},
      "due_from": {"type": ["string", "null"]}, "due_to": {"type": ["string", "null"]}}},
  "ActionReport": {"type": "object", "properties": {"from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}, "due": {"type": "integer"}, "done": {"type": "integer"},
      "completion_rate": {"type": ["number", "null"], "description": "done ÷ due in the period, percent"}, "median_days_to_done": {"type": ["number", "null"]},
      "by_agency": arr({"type": "object"}), "carry_overs": arr({"type": "array"}), "escalations": arr({"type": "object"}), "barriers": arr({"type": "array"})}},
  "BarrierGroup": {"type": "object", "properties": {"category": ref("BarrierCategory"), "agency_name": {"type": "string"}, "period": {"type": "string", "example": "2026-11"},
      "count": {"type": "integer"}, "entries": arr({"type": "object"})}},
  "Notification": {"type": "object", "properties": {"id": {"type": "integer"}, "kind": {"type": "string", "enum": ["assigned", "due_soon", "overdue", "escalated"]},
      "action_id": {"type": "integer"}, "reference": {"type": "string"}, "text": {"type": "string"}, "created_at": {"type": "string"}, "read": {"type": "boolean"}}},
}

AFP = [q("agency_id", {"type": "integer"}, "Owning agency"), q("status", ref("ActionStatus"), "Status"), q("case_id", {"type": "integer"}, "Case"),
        q("meeting_id", {"type": "integer"}, "Agreed at"), q("overdue", {"type": "boolean"}, "Only open actions past their due date")]
paths = {
  "/openapi.json": {"get": op("This document", {"200": {"description": "OpenAPI 3.1 document"}}, "meta", security=False)},
  "/session": {
    "post": op("Sign in", {**ok(ref("Me"), "Signed in; the response sets the session cookie"), **errs("401", "422", "429")}, "session", body(ref("SignIn")), security=False),
    "delete": op("Sign out (ends the session on the server)", {**no_content, **errs("403")}, "session")},
  "/me": {"get": op("The signed-in user", {**ok(ref("Me")), **errs("401")}, "account")},
  "/me/password": {"post": op("Change one's password; ends all one's sessions and starts a new one here", {**no_content, **errs("401", "422")}, "account", body(ref("PasswordChange")))},
  "/me/totp": {"post": op("Start two-factor enrolment", {**ok(ref("TotpEnrolment")), **errs("401")}, "account")},
  "/me/totp/confirm": {"post": op("Confirm enrolment with a code", {**ok(ref("Me")), **errs("401", "422")}, "account", body(ref("TotpCode")))},
  "/me/totp/disable": {"post": op("Turn two-factor sign-in off", {**no_content, **errs("401", "409", "422")}, "account", body(ref("PasswordOnly")))},
  "/agencies": {
    "get": op("The agency directory, with each agency's people", {**ok(arr(ref("Agency"))), **errs("401", "403")}, "agencies"),
    "post": op("Add an agency (admin, coordinator)", {**ok(ref("Agency"), "Created", "201"), **errs(*STD, "422")}, "agencies", body(ref("NewAgency")))},
  "/agencies/{id}": {
    "get": op("One agency", {**ok(ref("Agency")), **errs(*STD, "404")}, "agencies", params=ID),
    "patch": op("Change or (de)activate an agency (admin, coordinator)", {**ok(ref("Agency")), **errs(*STD, "404", "422")}, "agencies", body(ref("AgencyPatch")), ID)},
  "/users": {
    "get": op("User accounts (admin, chair, coordinator)", {**ok(arr(ref("UserAccount"))), **errs(*STD)}, "users"),
    "post": op("Add a user (admin; coordinator for members and observers). An account that will read case data is created inactive and answers 202 with the request a second person confirms (its first password is made then)",
        {**ok(ref("CreatedUser"), "Created", "201"), **ok(ref("AccessRequest"), "Waiting for a second person", "202"), **errs(*STD, "409", "422")}, "users", body(ref("NewUser")))},
  "/users/{id}": {
    "get": op("One user account", {**ok(ref("UserAccount")), **errs(*STD, "404")}, "users", params=ID),
    "patch": op("Change role, agency, active flag or password. A change that lets the person read case data they could not read before answers 202 with the request a second person confirms (the rest is done at once); removing access is immediate. A case reader's password is reset through password-reset",
        {**ok(ref("UserAccount")), **ok(ref("AccessRequest"), "Waiting for a second person", "202"), **errs(*STD, "404", "409", "422")}, "users", body(ref("UserPatch")), ID)},
  "/users/{id}/password-reset": {"post": op("A new one-time password, signing the person out: at once for someone who reads no cases, else 202 with the request (the confirmer gets the password)",
        {**ok(ref("ResetDone")), **ok(ref("AccessRequest"), "Waiting for a second person", "202"), **errs(*STD, "404", "409")}, "users", params=ID)},
  "/users/{id}/totp-reset": {"post": op("Remove the person's two-factor set-up, signing them out: at once for someone who reads no cases, else 202 with the request",
        {**ok(ref("ResetDone")), **ok(ref("AccessRequest"), "Waiting for a second person", "202"), **errs(*STD, "404", "409")}, "users", params=ID)},
  "/access-requests": {"get": op("Access requests you may see (admin, chair, coordinator): pending first, then the latest decided", {**ok(arr(ref("AccessRequest"))), **errs(*STD)}, "users")},
  "/access-requests/{id}/confirm": {"post": op("Confirm a request: an admin's by the chair (a second admin only when there is no other chair), a chair's by an admin, a coordinator's by either; never by the asker or the person concerned",
        {**ok(ref("ConfirmedRequest")), **errs(*STD, "404", "409")}, "users", params=ID)},
  "/access-requests/{id}/refuse": {"post": op("Refuse a request (whoever may confirm it)", {**ok(ref("AccessRequest")), **errs(*STD, "404", "409")}, "users", params=ID)},
  "/access-requests/{id}/withdraw": {"post": op("Withdraw your own request", {**ok(ref("AccessRequest")), **errs(*STD, "404", "409")}, "users", params=ID)},
  "/audit": {"get": op("Browse the audit log, newest first (admin, chair)", {**ok(ref("AuditPage")), **errs(*STD, "422")}, "audit", params=[
      q("actor_user_id", {"type": "integer"}, "Who"), q("entity", {"type": "string"}, "agency, user, settings, …"),
      q("entity_id", {"type": "string"}, "Which record"), q("action", {"type": "string"}, "create, update, sign_in, …"),
      q("from", {"type": "string", "format": "date"}, "From this day (UTC), inclusive"), q("to", {"type": "string", "format": "date"}, "To this day (UTC), inclusive"),
      q("before_id", {"type": "integer"}, "Paging: entries older than this id"), q("limit", {"type": "integer", "minimum": 1, "maximum": 500}, "Default 50")])},
  "/cases": {
    "get": op("The cases the signed-in user may see (need-to-know)", {**ok(arr(ref("CaseSummary"))), **errs(*STD, "422")}, "cases", params=[
        q("status", ref("CaseStatus"), "Only cases with this status"), q("agency_id", {"type": "integer"}, "Only cases this agency is involved with")]),
    "post": op("Refer a case: adds the referral to the victim's case when the referrer may see it, otherwise opens a case (held as a possible match if the register knows her)", {**ok(ref("CaseCreated"), "Created", "201"), **errs(*STD, "422")}, "cases", body(ref("Referral"), "A referral meeting no criterion is refused (422, field `criteria`) and nothing is written"))},
  "/cases/assess": {"post": op("The criteria a referral would meet (writes only its audit row, with the outcome)", {**ok(ref("Assessment")), **errs(*STD, "404")}, "cases", body(ref("Referral")))},
  "/cases/{id}": {
    "get": op("One case (404 when it does not exist or may not be seen); the read is audited", {**ok(ref("CaseDetail")), **errs("401", "404")}, "cases", params=ID),
    "patch": op("Change status, lead agency, case manager/responsible, added agencies, stage dates", {**ok(ref("CaseDetail")), **errs("401", "403", "404", "422")}, "cases", body(ref("CasePatch")), ID)},
  "/cases/{id}/referrals": {"post": op("Refer an existing case again (same body without the victim)", {**ok(ref("CaseCreated"), "Created", "201"), **errs("401", "404", "422")}, "cases", body(ref("Referral")), ID)},
  "/cases/{id}/reveal": {"post": op("Show one restricted field, with a reason (audited)", {**ok(ref("Revealed")), **errs("401", "404", "422")}, "cases", body(ref("RevealRequest")), ID)},
  "/cases/{id}/timeline": {"get": op("What happened to the case, oldest first; the reasons given for showing restricted details only for the chair and coordinator", {**ok(arr(ref("TimelineEntry"))), **errs("401", "404")}, "cases", params=ID)},
  "/cases/{id}/withdraw-research": {"post": op("Withdraw an agency's involvement that came from research (chair, coordinator); its people are told", {**ok(ref("CaseDetail")), **errs("401", "403", "404", "422")}, "cases", body(ref("WithdrawResearch")), ID)},
  "/case-matches": {"get": op("Referrals held as possible matches of a known case (chair, coordinator); the read is audited", {**ok(arr(ref("PendingMatch"))), **errs(*STD)}, "cases")},
  "/case-matches/{id}": {"post": op("Confirm or reject a possible match (chair, coordinator); audited", {**ok(ref("MatchDecided")), **errs(*STD, "404", "409", "422")}, "cases", body(ref("MatchDecision")), ID)},
  "/meetings": {
    "get": op("Meetings (everyone signed in: when and where)", {**ok(arr(ref("Meeting"))), **errs("401", "422")}, "meetings", params=[q("from", {"type": "string"}, "From (date or date-time, UTC)"), q("to", {"type": "string"}, "Before")]),
    "post": op("Schedule a meeting (chair, coordinator)", {**ok(ref("Meeting"), "Created", "201"), **errs(*STD, "422")}, "meetings", body(ref("NewMeeting")))},
  "/meetings/{id}": {
    "get": op("One meeting", {**ok(ref("Meeting")), **errs("401", "404")}, "meetings", params=ID),
    "patch": op("Change a meeting, or move it on (start, close)", {**ok(ref("Meeting")), **errs(*STD, "404", "422")}, "meetings", body(ref("MeetingPatch")), ID)},
  "/meetings/{id}.ics": {"get": {"summary": "The meeting as an iCalendar file (RFC 5545): when and where, no case data", "tags": ["meetings"], "parameters": ID,
      "responses": {"200": {"description": "text/calendar", "content": {"text/calendar": {"schema": {"type": "string"}}}}, **errs("401", "404")}}},
  "/meeting-series": {
    "get": op("The meeting rhythms", {**ok(arr(ref("Series"))), **errs("401")}, "meetings"),
    "post": op("Set up a rhythm; its next six meetings are scheduled", {**ok(arr(ref("Meeting")), "Created", "201"), **errs(*STD, "422")}, "meetings", body(ref("NewSeries")))},
  "/meetings/{id}/agenda/build": {"post": op("Build (or rebuild) the agenda in SafeLives order; manual changes are kept", {**ok(ref("Agenda")), **errs(*STD, "404", "409")}, "agenda", params=ID)},
  "/meetings/{id}/agenda": {
    "get": op("The agenda as the viewer may see it (published agendas for members)", {**ok(ref("Agenda")), **errs(*STD, "404")}, "agenda", params=ID),
    "patch": op("Move, remove (with reason), restore, defer, time or add items", {**ok(ref("Agenda")), **errs(*STD, "404", "409", "422")}, "agenda", body(ref("AgendaPatch")), ID)},
  "/meetings/{id}/publish": {"post": op("Publish the agenda to the members", {**ok(ref("Agenda")), **errs(*STD, "404", "409")}, "agenda", params=ID)},
  "/meetings/{id}/acknowledge": {"post": op("Acknowledge the confidentiality statement (marks you present)", {**ok(ref("Agenda")), **errs(*STD, "404")}, "agenda", params=ID)},
  "/meetings/{id}/live": {"get": op("The live meeting socket (WebSocket upgrade). Needs the session cookie, an Origin of this server and the confidentiality acknowledgement. Messages: docs/live-protocol.md",
      {"101": {"description": "Switching to the WebSocket protocol"}, **errs(*STD, "404", "409", "422")}, "live", params=ID)},
  "/meetings/{id}/live/state": {"get": op("The live meeting as you may see it (the socket's snapshot)", {**ok(ref("LiveState")), **errs(*STD, "404", "409")}, "live", params=ID)},
  "/meetings/{id}/research": {"get": op("The case × agency grid of research returns (chair, coordinator)", {**ok(ref("ResearchGrid")), **errs(*STD, "404")}, "research", params=ID)},
  "/meetings/{id}/research/{case_id}": {
    "get": op("Research returns on one case on the agenda", {**ok(ref("CaseResearch")), **errs(*STD, "404")}, "research", params=ID + [{"name": "case_id", "in": "path", "required": True, "schema": {"type": "integer"}}]),
    "put": op("Record your agency's return: holds (Markdown), no trace, or none", {**ok(ref("CaseResearch")), **errs(*STD, "404", "409", "422")}, "research", body(ref("ResearchInput")), ID + [{"name": "case_id", "in": "path", "required": True, "schema": {"type": "integer"}}])},
  "/meetings/{id}/attendance": {
    "get": op("The attendance register", {**ok(arr(ref("AttendanceRow"))), **errs(*STD, "404")}, "attendance", params=ID),
    "put": op("Record attendance (chair, coordinator), or send your own apologies", {**ok(arr(ref("AttendanceRow"))), **errs(*STD, "404", "422")}, "attendance", body(ref("AttendanceUpdate")), ID)},
  "/reports/attendance": {"get": op("Attendance by agency (default: last 12 months)", {**ok(arr(ref("AgencyContinuity"))), **errs(*STD, "422")}, "attendance", params=[q("from", {"type": "string"}, "From"), q("to", {"type": "string"}, "Before")])},
  "/meetings/{id}/minutes": {
    "get": op("The minutes (drafted from the record when first opened after the meeting); members get their agency's extract", {**ok(ref("Minutes")), **errs(*STD, "404", "409")}, "minutes",
        params=ID + [q("agency_id", {"type": "integer"}, "Chair/coordinator: this agency's extract")]),
    "put": op("Edit sections (draft or circulated); approved minutes answer 409", {**ok(ref("Minutes")), **errs(*STD, "404", "409", "422")}, "minutes", body(ref("MinutesUpdate")), ID)},
  "/meetings/{id}/minutes/circulate": {"post": op("Circulate for review until a deadline (default a week)", {**ok(ref("Minutes")), **errs(*STD, "404", "409", "422")}, "minutes", params=ID)},
  "/meetings/{id}/minutes/approve": {"post": op("Approve and lock (chair); needs every comment resolved", {**ok(ref("Minutes")), **errs(*STD, "404", "409")}, "minutes", params=ID)},
  "/meetings/{id}/minutes/comments": {"post": op("Comment or propose a correction while circulated", {**ok(ref("Minutes")), **errs(*STD, "404", "409", "422")}, "minutes", body(ref("CommentInput")), ID)},
  "/meetings/{id}/minutes/comments/{comment_id}": {"patch": op("Resolve a comment (chair, coordinator)", {**ok(ref("Minutes")), **errs(*STD, "404", "409", "422")}, "minutes", body(ref("ResolveInput")),
        ID + [{"name": "comment_id", "in": "path", "required": True, "schema": {"type": "integer"}}])},
  "/meetings/{id}/minutes/addenda": {"post": op("Add a dated addendum to approved minutes", {**ok(ref("Minutes")), **errs(*STD, "404", "409", "422")}, "minutes", body(ref("AddendumInput")), ID)},
  "/me/calendar": {
    "get": op("The path of your private calendar feed", {**ok({"type": "object", "properties": {"path": {"type": "string"}}}), **errs("401")}, "account"),
    "post": op("Replace your calendar feed link (the old one stops working)", {**ok({"type": "object", "properties": {"path": {"type": "string"}}}), **errs("401")}, "account")},
  "/calendar/{token}.ics": {"get": {"summary": "A person's calendar feed: the group's meetings, no case data (the secret link is the key)", "tags": ["meetings"], "security": [],
      "parameters": [{"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "text/calendar", "content": {"text/calendar": {"schema": {"type": "string"}}}}, **errs("404")}}},
  "/actions": {
    "get": op("Actions on the cases you may see", {**ok(arr(ref("Action"))), **errs(*STD, "422")}, "actions", params=AFP),
    "post": op("Agree an action (chair, coordinator); the owning agency becomes involved with the case", {**ok(ref("Action"), "Created", "201"), **errs(*STD, "404", "422")}, "actions", body(ref("NewAction")))},
  "/actions.csv": {"get": {"summary": "The actions you may see, as CSV (cells starting = + - @ are escaped)", "tags": ["actions"], "parameters": AFP,
      "responses": {"200": {"description": "text/csv", "content": {"text/csv": {"schema": {"type": "string"}}}}, **errs(*STD, "422")}}},
  "/actions/{id}": {
    "get": op("One action", {**ok(ref("Action")), **errs("401", "404")}, "actions", params=ID),
    "patch": op("Update status, note or due date (a member: own agency's actions only)", {**ok(ref("Action")), **errs(*STD, "404", "409", "422")}, "actions", body(ref("ActionPatch")), ID)},
  "/actions/{id}/history": {"get": op("Every change to the action: who, when, from, to, why", {**ok(arr(ref("HistoryEntry"))), **errs("401", "404")}, "actions", params=ID)},
  "/reports/actions": {"get": op("Completion, time to done, overdue, carry-overs, escalations, barriers (chair, coordinator)", {**ok(ref("ActionReport")), **errs(*STD, "422")}, "actions",
      params=[q("from", {"type": "string", "format": "date"}, "Default: a year before `to`"), q("to", {"type": "string", "format": "date"}, "Default: today")])},
  "/barriers": {"get": op("The barrier register: not-done outcomes by category, agency and month (chair, coordinator)", {**ok(arr(ref("BarrierGroup"))), **errs(*STD, "422")}, "actions",
      params=[q("from", {"type": "string", "format": "date"}, "From"), q("to", {"type": "string", "format": "date"}, "To")])},
  "/me/actions": {"get": op("Your agency's unfinished actions, overdue first", {**ok(arr(ref("Action"))), **errs("401")}, "actions")},
  "/me/notifications": {"get": op("Your notifications: assigned, due soon, overdue, escalated", {**ok(arr(ref("Notification"))), **errs("401")}, "actions")},
  "/me/notifications/read": {"post": op("Mark your notifications read", {**no_content, **errs("401")}, "actions")},
  "/me/notices": {"get": op("Your other notices: sign-in locks, case access recorded or withdrawn, changes to your access", {**ok(arr(ref("Notice"))), **errs("401")}, "account")},
  "/me/notices/read": {"post": op("Mark your notices (and notifications) read", {**no_content, **errs("401")}, "account")},
  "/settings": {
    "get": op("The group's settings (admin, chair, coordinator)", {**ok(ref("Settings")), **errs(*STD)}, "settings"),
    "patch": op("Change the group's settings (admin)", {**ok(ref("Settings")), **errs(*STD, "422")}, "settings", body(ref("SettingsPatch")))},
}

doc = {
  "openapi": "3.1.0",
  "info": {"title": "Convene API", "version": "1",
           "description": "The JSON API of Convene. Sign in with POST /session; the session cookie authenticates later calls. "
                          "Writes from a browser must come from Convene's own origin. Errors are {\"error\": {\"code\", \"message\", \"fields\"?}}."},
  "servers": [{"url": "/api/v1"}],
  "security": [{"session": []}],
  "components": {"securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "convene_session"}}, "schemas": schemas},
  "paths": paths,
}
out = pathlib.Path(__file__).resolve().parent.parent / "server" / "openapi.json"
out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
print(f"wrote {out}")
