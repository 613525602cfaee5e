//! Demo cases: about forty over the last eighteen months, with mixed criteria, a third of them
//! referred again, children in more than half. Deterministic, so every demo looks the same.

use crate::startup::BoxError;
use chrono::{Duration, NaiveDate, Utc};
use convene_app::audit::store::{record, AuditEvent};
use convene_app::cases::checklist::{Answer, Checklist};
use convene_app::cases::criteria;
use convene_app::cases::store;
use convene_app::cases::types::*;
use convene_app::cases::victim::name_key;
use convene_app::db::Pool;
use convene_app::ids::{AgencyId, UserId};

use super::texts::Texts;

const CASES: usize = 40;

const FIRST: &[&str] = &[
    "Ana", "Maria", "Elena", "Ioana", "Andreea", "Cristina", "Mihaela", "Alina", "Gabriela",
    "Daniela", "Roxana", "Simona", "Raluca", "Diana", "Oana", "Carmen", "Monica", "Irina",
    "Adriana", "Lavinia",
];
const LAST: &[&str] = &[
    "Pop", "Popescu", "Ionescu", "Moldovan", "Rus", "Mureșan", "Man", "Suciu", "Sabău", "Pintea",
    "Crișan", "Marian", "Bogdan", "Oltean", "Rusu", "Toma", "Lazăr", "Ardelean", "Cozma", "Fodor",
];
const MEN: &[&str] = &[
    "Ion",
    "Vasile",
    "Gheorghe",
    "Florin",
    "Marius",
    "Cătălin",
    "Adrian",
    "Sorin",
    "Dorin",
    "Radu",
];
/// A small deterministic generator (no randomness needed for demo data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

async fn agency(pool: &Pool, key: &str) -> Result<AgencyId, BoxError> {
    let id = super::agency_id(pool, key)
        .await?
        .ok_or("demo agency missing")?;
    Ok(AgencyId(id))
}

async fn user(pool: &Pool, email: &str) -> Result<UserId, BoxError> {
    let id = super::store::user_id(pool, email)
        .await?
        .ok_or("demo user missing")?;
    Ok(UserId(id))
}

fn checklist(rng: &mut Lcg, yes: usize) -> Checklist {
    let mut a = [Answer::No; 24];
    let mut placed = 0;
    while placed < yes {
        let i = rng.below(24) as usize;
        if a[i] != Answer::Yes {
            a[i] = Answer::Yes;
            placed += 1;
        }
    }
    for slot in a.iter_mut() {
        if *slot == Answer::No && rng.chance(12) {
            *slot = Answer::Unknown;
        }
    }
    Checklist(a)
}

fn referral(
    rng: &mut Lcg,
    words: &Texts,
    referred_on: NaiveDate,
    referring: (AgencyId, UserId),
    children: &[Child],
    advocate: AgencyId,
    victim: Option<Victim>,
) -> Referral {
    let yes = 6 + rng.below(15) as usize;
    let incidents = rng.below(6) as u32;
    let consent_given = rng.chance(75);
    Referral {
        referred_on,
        referring_agency_id: referring.0,
        referrer_name: None,
        victim,
        perpetrator: Some(Perpetrator {
            name: Some(format!("{} {}", rng.pick(MEN), rng.pick(LAST))),
            date_of_birth: NaiveDate::from_ymd_opt(
                1965 + rng.below(35) as i32,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            ),
        }),
        children: children.to_vec(),
        checklist: checklist(rng, yes),
        judgement_reasons: rng.chance(30).then(|| rng.pick(&words.reasons).to_string()),
        incidents_last_12_months: incidents,
        consent: Consent {
            victim_informed: if consent_given {
                VictimInformed::Yes
            } else {
                VictimInformed::UnsafeToInform
            },
            consent_to_share: if consent_given {
                ConsentToShare::Given
            } else {
                ConsentToShare::NotSought
            },
            lawful_basis: (!consent_given).then(|| words.lawful_basis.to_string()),
        },
        victim_voice: VictimVoice {
            advocate_name: Some("Laura Neagu".into()),
            advocate_agency_id: Some(advocate),
            views: rng.chance(70).then(|| rng.pick(&words.views).to_string()),
        },
    }
}

/// Adds the demo cases once: when any case exists, nothing is done.
pub async fn seed_cases(pool: &Pool, words: &Texts) -> Result<usize, BoxError> {
    let n = super::store::case_count(pool).await?;
    if n > 0 {
        return Ok(0);
    }
    let police = (
        agency(pool, "police").await?,
        user(pool, "police@demo.test").await?,
    );
    let social = (
        agency(pool, "social").await?,
        user(pool, "social@demo.test").await?,
    );
    let children_agency = (
        agency(pool, "child_protection").await?,
        user(pool, "children@demo.test").await?,
    );
    let health = (
        agency(pool, "hospital").await?,
        user(pool, "health@demo.test").await?,
    );
    let advocate = (
        agency(pool, "counselling").await?,
        user(pool, "advocate@demo.test").await?,
    );
    let probation = (
        agency(pool, "probation").await?,
        user(pool, "probation@demo.test").await?,
    );
    let referrers = [
        police,
        police,
        police,
        health,
        social,
        advocate,
        children_agency,
        probation,
    ];

    let mut rng = Lcg(2012);
    let today = Utc::now().date_naive();
    for i in 0..CASES {
        let days_ago = 548 - (i as i64 * 548 / CASES as i64) - rng.below(10) as i64;
        let first_on = today - Duration::days(days_ago.max(1));
        let victim = Victim {
            name: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            date_of_birth: NaiveDate::from_ymd_opt(
                1970 + rng.below(35) as i32,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            )
            .unwrap_or(first_on),
            safe_contact: rng.chance(60).then(|| words.safe_contact.to_string()),
            safe_to_contact: rng.chance(70),
        };
        let kids: Vec<Child> = if rng.chance(58) {
            (0..1 + rng.below(3))
                .map(|_| Child {
                    initials: format!(
                        "{}{}",
                        (b'A' + rng.below(26) as u8) as char,
                        (b'A' + rng.below(26) as u8) as char
                    ),
                    age: rng.below(17) as u8,
                })
                .collect()
        } else {
            vec![]
        };
        let referring = referrers[rng.below(referrers.len() as u64) as usize];
        let mut dates = vec![first_on];
        // About a third come back within the year (among the older cases, so that the second
        // referral is already in the past).
        if i % 2 == 1 && i < 28 {
            let gap = (40 + rng.below(200) as i64).min(days_ago - 1);
            dates.push(first_on + Duration::days(gap));
        }
        let mut tx = pool.begin().await?;
        let key = name_key(&victim.name);
        let mut case_id = None;
        for (n, on) in dates.iter().enumerate() {
            let who = if n == 0 {
                referring
            } else {
                referrers[rng.below(referrers.len() as u64) as usize]
            };
            let mut r = referral(
                &mut rng,
                words,
                *on,
                who,
                &kids,
                advocate.0,
                (n == 0).then(|| victim.clone()),
            );
            let earlier: Vec<NaiveDate> = dates[..n].to_vec();
            let mut c = criteria::compute(&criteria::Inputs {
                checklist: &r.checklist,
                judgement_reasons: r.judgement_reasons.as_deref(),
                incidents_last_12_months: r.incidents_last_12_months,
                escalation_threshold: 3,
                earlier_referrals: &earlier,
                referred_on: *on,
            });
            if !c.any() {
                // Every referral on record met a criterion: make this one an escalation.
                r.incidents_last_12_months = 3 + rng.below(3) as u32;
                c.potential_escalation = true;
            }
            let registered = on
                .and_hms_opt(9 + rng.below(8) as u32, 0, 0)
                .map(|t| t.and_utc().timestamp())
                .unwrap_or_default();
            let id = match case_id {
                Some(id) => id,
                None => {
                    let (id, _) = store::insert_case(
                        &mut tx,
                        &victim,
                        &key,
                        r.perpetrator.as_ref(),
                        registered,
                    )
                    .await?;
                    record(
                        &mut tx,
                        AuditEvent::new(None, "create", "case")
                            .id(id)
                            .reason("seed-demo"),
                    )
                    .await?;
                    id
                }
            };
            case_id = Some(id);
            store::refresh_from_referral(&mut tx, id, &r, registered).await?;
            convene_app::auth::case_access::involve(&mut tx, id, who.0, "referring", registered)
                .await?;
            store::insert_referral(&mut tx, id, &r, &c, who.1, registered).await?;
        }
        let id = case_id.expect("at least one referral");
        let last = *dates.last().expect("dates");
        let age = (today - last).num_days();
        let status = match age {
            0..=14 => CaseStatus::Referred,
            15..=120 => CaseStatus::Active,
            121..=300 => CaseStatus::Monitoring,
            _ => CaseStatus::Closed,
        };
        let (lead, manager) = if !kids.is_empty() {
            children_agency
        } else {
            social
        };
        let done = |d: i64| Some(last + Duration::days(d));
        let patch = CasePatch {
            status: Some(status),
            lead_agency_id: (status != CaseStatus::Referred).then_some(Some(lead)),
            case_manager_id: (status != CaseStatus::Referred).then_some(Some(manager)),
            initial_assessment_on: (age > 3 && rng.chance(85)).then(|| done(2)),
            intervention_plan_on: (age > 30 && rng.chance(80)).then(|| done(21)),
            ..Default::default()
        };
        let now = Utc::now().timestamp();
        store::apply_patch(&mut tx, id, &patch, now).await?;
        if status != CaseStatus::Referred {
            convene_app::auth::case_access::involve(&mut tx, id, advocate.0, "added", now).await?;
        }
        tx.commit().await?;
    }
    Ok(CASES)
}
