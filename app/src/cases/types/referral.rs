//! What a referral brings in, and how it is parsed.

use super::*;

// ---------- what arrives ----------

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VictimInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub date_of_birth: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 500))]
    pub safe_contact: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub safe_to_contact: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PerpetratorInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub name: Option<String>,
    #[serde(default)]
    pub date_of_birth: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChildInput {
    #[serde(default)]
    pub initials: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub age: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConsentInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = crate::cases::types::VictimInformed))]
    pub victim_informed: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = crate::cases::types::ConsentToShare))]
    pub consent_to_share: String,
    #[serde(default)]
    pub lawful_basis: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VictimVoiceInput {
    #[serde(default)]
    pub advocate_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub advocate_agency_id: Option<String>,
    #[serde(default)]
    pub views: Option<String>,
}

/// A referral as the form or the API sends it. `victim` is given with a new case
/// (`POST /cases`) and left out when referring an existing case again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReferralInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub referred_on: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub referring_agency_id: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub referrer_name: Option<String>,
    #[serde(default)]
    pub victim: Option<VictimInput>,
    #[serde(default)]
    pub perpetrator: Option<PerpetratorInput>,
    #[serde(default)]
    pub children: Vec<ChildInput>,
    #[serde(default)]
    pub checklist: Vec<String>,
    #[serde(default)]
    pub judgement_reasons: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub incidents_last_12_months: Option<String>,
    #[serde(default)]
    pub consent: ConsentInput,
    #[serde(default)]
    pub victim_voice: Option<VictimVoiceInput>,
}

// ---------- parsed ----------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Victim {
    pub name: String,
    pub date_of_birth: NaiveDate,
    pub safe_contact: Option<String>,
    pub safe_to_contact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perpetrator {
    pub name: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Child {
    pub initials: String,
    pub age: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub victim_informed: VictimInformed,
    pub consent_to_share: ConsentToShare,
    pub lawful_basis: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VictimVoice {
    pub advocate_name: Option<String>,
    pub advocate_agency_id: Option<AgencyId>,
    pub views: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub referred_on: NaiveDate,
    pub referring_agency_id: AgencyId,
    pub referrer_name: Option<String>,
    pub victim: Option<Victim>,
    pub perpetrator: Option<Perpetrator>,
    pub children: Vec<Child>,
    pub checklist: Checklist,
    pub judgement_reasons: Option<String>,
    pub incidents_last_12_months: u32,
    pub consent: Consent,
    pub victim_voice: VictimVoice,
}

pub(super) fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub(super) fn limited(
    p: &mut Problems,
    field: &str,
    s: Option<String>,
    max: usize,
) -> Option<String> {
    match s {
        Some(v) if v.chars().count() > max => {
            p.add(
                field,
                crate::i18n::Msg("cases-too-long").with(&[("max", max.into())]),
            );
            None
        }
        other => other,
    }
}

pub(super) fn date(s: &str, field_message: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| field_message.to_string())
}

pub(super) fn name(s: &str, missing: &str) -> Result<String, String> {
    let v = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        Err(missing.into())
    } else if v.chars().count() > 120 {
        Err(t::NAME_TOO_LONG.into())
    } else {
        Ok(v)
    }
}

impl ReferralInput {
    /// Checks every field against today's date (UTC), reporting all problems at once.
    pub fn parse(&self, today: NaiveDate) -> Result<Referral, AppError> {
        let mut p = Problems::new();
        let referred_on = p.take(
            "referred_on",
            date(&self.referred_on, t::REFERRED_ON_INVALID.as_str()),
        );
        if referred_on.is_some_and(|d| d > today) {
            p.add("referred_on", t::REFERRED_ON_FUTURE);
        }
        let referring_agency_id = match &self.referring_agency_id {
            None => {
                p.add("referring_agency_id", t::REFERRING_AGENCY_REQUIRED);
                None
            }
            Some(s) => p.take(
                "referring_agency_id",
                s.parse::<i64>()
                    .map(AgencyId)
                    .map_err(|_| t::REFERRING_AGENCY_REQUIRED.to_string()),
            ),
        };
        let referrer_name = limited(&mut p, "referrer_name", trimmed(&self.referrer_name), 120);

        let victim = self.victim.as_ref().map(|v| {
            let name = p.take(
                "victim.name",
                name(&v.name, t::VICTIM_NAME_REQUIRED.as_str()),
            );
            let dob = p.take(
                "victim.date_of_birth",
                date(&v.date_of_birth, t::DOB_INVALID.as_str()),
            );
            if dob.is_some_and(|d| d > today) {
                p.add("victim.date_of_birth", t::DOB_FUTURE);
            }
            let safe = match lenient::parse_bool(&v.safe_to_contact, t::SAFE_TO_CONTACT_REQUIRED) {
                Ok(Some(b)) => Some(b),
                Ok(None) => {
                    p.add("victim.safe_to_contact", t::SAFE_TO_CONTACT_REQUIRED);
                    None
                }
                Err(m) => {
                    p.add("victim.safe_to_contact", m);
                    None
                }
            };
            let contact = limited(&mut p, "victim.safe_contact", trimmed(&v.safe_contact), 500);
            (name, dob, safe, contact)
        });
        let perpetrator = self.perpetrator.as_ref().map(|x| {
            let n = limited(&mut p, "perpetrator.name", trimmed(&x.name), 120);
            let dob = trimmed(&x.date_of_birth).and_then(|d| {
                p.take(
                    "perpetrator.date_of_birth",
                    date(&d, t::DOB_INVALID.as_str()),
                )
            });
            if dob.is_some_and(|d| d > today) {
                p.add("perpetrator.date_of_birth", t::DOB_FUTURE);
            }
            Perpetrator {
                name: n,
                date_of_birth: dob,
            }
        });

        let mut children = Vec::new();
        for (i, c) in self.children.iter().enumerate() {
            let initials = trimmed(&c.initials);
            // A blank row in the form is no child.
            if initials.is_none() && c.age.is_none() {
                continue;
            }
            let field = |f: &str| format!("children.{i}.{f}");
            let ok_initials = initials.filter(|s| {
                let letters = s.chars().filter(|c| c.is_alphabetic()).count();
                (1..=4).contains(&letters)
                    && s.chars().all(|c| c.is_alphabetic() || c == '.' || c == ' ')
            });
            if ok_initials.is_none() {
                p.add(&field("initials"), t::CHILD_INITIALS_INVALID);
            }
            let age = match lenient::parse_int(&c.age, 0, 17, t::CHILD_AGE_INVALID) {
                Ok(Some(a)) => Some(a as u8),
                Ok(None) => {
                    p.add(&field("age"), t::CHILD_AGE_INVALID);
                    None
                }
                Err(m) => {
                    p.add(&field("age"), m);
                    None
                }
            };
            if let (Some(initials), Some(age)) = (ok_initials, age) {
                children.push(Child {
                    initials: initials.to_uppercase(),
                    age,
                });
            }
        }
        if self.children.len() > 20 {
            p.add("children", t::TOO_MANY_CHILDREN);
        }

        let checklist = p.take("checklist", Checklist::parse(&self.checklist));
        let judgement_reasons = limited(
            &mut p,
            "judgement_reasons",
            trimmed(&self.judgement_reasons),
            4000,
        );
        let incidents = match lenient::parse_int(
            &self.incidents_last_12_months,
            0,
            1000,
            t::INCIDENTS_INVALID,
        ) {
            Ok(Some(n)) => Some(n as u32),
            Ok(None) => {
                p.add("incidents_last_12_months", t::INCIDENTS_INVALID);
                None
            }
            Err(m) => {
                p.add("incidents_last_12_months", m);
                None
            }
        };

        let informed = p.take(
            "consent.victim_informed",
            VictimInformed::parse(&self.consent.victim_informed),
        );
        let share = p.take(
            "consent.consent_to_share",
            ConsentToShare::parse(&self.consent.consent_to_share),
        );
        let lawful_basis = limited(
            &mut p,
            "consent.lawful_basis",
            trimmed(&self.consent.lawful_basis),
            2000,
        );
        if share.is_some_and(|s| s != ConsentToShare::Given) && lawful_basis.is_none() {
            p.add("consent.lawful_basis", t::LAWFUL_BASIS_REQUIRED);
        }

        let voice = match &self.victim_voice {
            None => VictimVoice::default(),
            Some(v) => VictimVoice {
                advocate_name: limited(
                    &mut p,
                    "victim_voice.advocate_name",
                    trimmed(&v.advocate_name),
                    120,
                ),
                advocate_agency_id: match &v.advocate_agency_id {
                    None => None,
                    Some(s) => p.take(
                        "victim_voice.advocate_agency_id",
                        s.parse::<i64>()
                            .map(AgencyId)
                            .map_err(|_| t::AGENCY_UNKNOWN.to_string()),
                    ),
                },
                views: limited(&mut p, "victim_voice.views", trimmed(&v.views), 4000),
            },
        };

        p.into_result()?;
        let victim = victim.map(|(n, d, s, c)| Victim {
            name: n.expect("checked"),
            date_of_birth: d.expect("checked"),
            safe_to_contact: s.expect("checked"),
            safe_contact: c,
        });
        Ok(Referral {
            referred_on: referred_on.expect("checked"),
            referring_agency_id: referring_agency_id.expect("checked"),
            referrer_name,
            victim,
            perpetrator,
            children,
            checklist: checklist.expect("checked"),
            judgement_reasons,
            incidents_last_12_months: incidents.expect("checked"),
            consent: Consent {
                victim_informed: informed.expect("checked"),
                consent_to_share: share.expect("checked"),
                lawful_basis,
            },
            victim_voice: voice,
        })
    }
}
