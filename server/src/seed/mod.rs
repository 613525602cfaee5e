//! Demo data and the first administrator, written through the same store functions (and audit
//! rows) as the application itself.

use crate::startup::BoxError;
use convene_app::agencies::store as agencies;
use convene_app::agencies::types::NewAgencyInput;
use convene_app::audit::store::{record, AuditEvent};
use convene_app::auth::password;
use convene_app::auth::password_rules::NewPasswordInput;
use convene_app::db::Pool;
use convene_app::users::store as users;
use convene_app::users::types::NewUserInput;

mod cases;
mod figures;
mod meetings;
mod store;
pub mod texts;

/// The demo's agencies: (key, kind, contact email). Their names are in each language's
/// `Texts::agencies`, in this order; the key is how the seed refers to an agency.
const AGENCIES: [(&str, &str, &str); texts::AGENCY_COUNT] = [
    ("police", "police", "dv-unit@police.demo.test"),
    ("local_police", "police", "emergency@localpolice.demo.test"),
    (
        "child_protection",
        "child_protection",
        "referrals@childprotection.demo.test",
    ),
    ("social", "social_services", "family@social.demo.test"),
    ("prosecutor", "justice", "registry@prosecutor.demo.test"),
    ("probation", "probation", "office@probation.demo.test"),
    ("hospital", "health", "social-work@hospital.demo.test"),
    ("forensic", "health", "office@forensic.demo.test"),
    ("schools", "education", "counselling@schools.demo.test"),
    ("university", "education", "centre@university.demo.test"),
    ("counselling", "ngo", "advocates@counselling.demo.test"),
    ("shelter", "ngo", "intake@shelter.demo.test"),
    ("programme", "ngo", "intake@programme.demo.test"),
    ("legal_aid", "ngo", "help@legalaid.demo.test"),
    (
        "drug_prevention",
        "health",
        "contact@drugprevention.demo.test",
    ),
];

/// Demo agencies that attend only the children's cases (by key).
const CHILDREN_ONLY: &[&str] = &["child_protection", "schools"];

/// (email, name, role, agency key, representation)
const USERS: &[(&str, &str, &str, Option<&str>, &str)] = &[
    ("admin@demo.test", "Radu Ionescu", "admin", None, "none"),
    (
        "chair@demo.test",
        "Maria Popescu",
        "chair",
        Some("social"),
        "none",
    ),
    (
        "coordinator@demo.test",
        "Elena Rusu",
        "coordinator",
        Some("social"),
        "none",
    ),
    (
        "police@demo.test",
        "Andrei Marin",
        "member",
        Some("police"),
        "regular",
    ),
    (
        "social@demo.test",
        "Ioana Stan",
        "member",
        Some("social"),
        "regular",
    ),
    (
        "children@demo.test",
        "Mihai Dobre",
        "member",
        Some("child_protection"),
        "regular",
    ),
    (
        "health@demo.test",
        "Carmen Vlad",
        "member",
        Some("hospital"),
        "regular",
    ),
    (
        "probation@demo.test",
        "Sorin Matei",
        "member",
        Some("probation"),
        "regular",
    ),
    (
        "advocate@demo.test",
        "Laura Neagu",
        "member",
        Some("counselling"),
        "regular",
    ),
    (
        "observer@demo.test",
        "Paul Georgescu",
        "observer",
        Some("university"),
        "none",
    ),
];

/// The demo agency of this key, whichever language an earlier seed named it in (so that seeding
/// again after the group's language changed adds nothing).
async fn agency_id(pool: &Pool, key: &str) -> Result<Option<i64>, BoxError> {
    let Some(i) = AGENCIES.iter().position(|(k, _, _)| *k == key) else {
        return Err(format!("no demo agency {key:?}").into());
    };
    for t in texts::ALL {
        if let Some(id) = store::agency_id(pool, t.agencies[i]).await? {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Sets the demo group's language (and zone) when one is named; `None` keeps what is set.
pub async fn demo_language(pool: &Pool, lang: Option<&str>) -> Result<(), BoxError> {
    let Some(code) = lang else { return Ok(()) };
    let lang = convene_app::i18n::Lang::parse(code).ok_or_else(|| {
        let known: Vec<String> = convene_app::i18n::Lang::all()
            .iter()
            .map(|l| l.code())
            .collect();
        format!("--lang {code:?}: Convene speaks {}", known.join(", "))
    })?;
    let mut conn = pool.acquire().await?;
    // `seed_demo` applies it (its zone places the meetings), and so does the server at start.
    convene_app::settings::service::set_demo_language(&mut conn, lang)
        .await
        .map_err(|e| format!("demo language: {e:?}"))?;
    println!(
        "The demo group speaks {} ({}).",
        lang.own_name(),
        lang.code()
    );
    Ok(())
}

/// Creates what is missing of the demo group, in the group's language (`demo_language`, run
/// first, sets it). With `password` set, every demo user's password is (re)set to it; without,
/// new users get a generated one, printed once.
pub async fn seed_demo(pool: &Pool, password: Option<String>) -> Result<(), BoxError> {
    // Meetings are placed in the group's time zone; the words are the group's language's.
    let words = {
        let mut conn = pool.acquire().await?;
        let settings = convene_app::settings::store::read(&mut conn)
            .await
            .map_err(|e| format!("settings: {e:?}"))?;
        convene_app::settings::service::apply(&settings);
        texts::of(
            convene_app::i18n::Lang::parse(&settings.default_language)
                .unwrap_or_else(convene_app::i18n::Lang::english),
        )
    };
    let mut created_agencies = 0;
    for ((key, kind, email), name) in AGENCIES.iter().zip(words.agencies) {
        if agency_id(pool, key).await?.is_some() {
            continue;
        }
        let new = NewAgencyInput {
            name: name.to_string(),
            kind: kind.to_string(),
            contact_email: Some(email.to_string()),
            children_only: Some(CHILDREN_ONLY.contains(key).into()),
            ..Default::default()
        }
        .parse()
        .map_err(|e| format!("demo agency {name}: {e:?}"))?;
        let mut tx = pool.begin().await?;
        let id = agencies::insert(&mut tx, &new, convene_app::time::now()).await?;
        record(
            &mut tx,
            AuditEvent::new(None, "create", "agency")
                .id(id)
                .reason("seed-demo"),
        )
        .await?;
        tx.commit().await?;
        created_agencies += 1;
    }

    let chosen = password.clone().unwrap_or_else(password::generate);
    let parsed = NewPasswordInput::parse(&chosen).map_err(|e| format!("demo password: {e}"))?;
    let hash = password::hash(parsed).await?;
    let (mut created_users, mut reset_users) = (0, 0);
    for (email, name, role, agency, representation) in USERS {
        let mut tx = pool.begin().await?;
        let now = convene_app::time::now();
        match users::find_by_email(&mut tx, email).await? {
            Some(existing) => {
                if password.is_some() {
                    users::set_password(&mut tx, existing.id, &hash, None, now).await?;
                    reset_users += 1;
                }
            }
            None => {
                let agency_id = match agency {
                    Some(a) => agency_id(pool, a).await?.map(convene_app::ids::AgencyId),
                    None => None,
                };
                let new = NewUserInput {
                    email: email.to_string(),
                    name: name.to_string(),
                    role: role.to_string(),
                    agency_id,
                    representation: Some(representation.to_string()),
                    password: None,
                }
                .parse()
                .map_err(|e| format!("demo user {email}: {e:?}"))?;
                let id = users::insert(&mut tx, &new, &hash, None, now).await?;
                record(
                    &mut tx,
                    AuditEvent::new(None, "create", "user")
                        .id(id)
                        .reason("seed-demo"),
                )
                .await?;
                created_users += 1;
            }
        }
        tx.commit().await?;
    }
    let created_cases = cases::seed_cases(pool, words).await?;
    let created_meetings = meetings::seed_meetings(pool, words).await?;
    figures::seed_figures(pool).await?;
    println!(
        "Demo group: {created_agencies} agencies, {created_users} users, {created_cases} cases and {created_meetings} meetings created{}.",
        if reset_users > 0 {
            format!(", {reset_users} passwords set from CONVENE_DEMO_PASSWORD")
        } else {
            String::new()
        }
    );
    if created_users > 0 && password.is_none() {
        println!("Password of the new demo users (shown only this once): {chosen}");
    } else if created_users == 0 && password.is_none() {
        println!("The demo users already exist; their passwords were left as they were (set CONVENE_DEMO_PASSWORD to reset them).");
    }
    Ok(())
}

/// Creates an administrator; returns the generated password when none was given.
pub async fn create_admin(
    pool: &Pool,
    email: &str,
    name: &str,
    given: Option<String>,
) -> Result<Option<String>, BoxError> {
    let generated = given.is_none().then(password::generate);
    let plain = given.or_else(|| generated.clone()).unwrap_or_default();
    let new = NewUserInput {
        email: email.to_string(),
        name: name.to_string(),
        role: "admin".into(),
        password: Some(plain.clone()),
        ..Default::default()
    }
    .parse()
    .map_err(|e| match e.fields() {
        Some(f) => f
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; "),
        None => e.message(),
    })?;
    let hash = password::hash(NewPasswordInput::parse(&plain)?).await?;
    let mut tx = pool.begin().await?;
    if users::email_taken(&mut tx, new.email.as_str()).await? {
        return Err(format!(
            "an account with the email {} already exists",
            new.email.as_str()
        )
        .into());
    }
    let id = users::insert(&mut tx, &new, &hash, None, convene_app::time::now()).await?;
    record(
        &mut tx,
        AuditEvent::new(None, "create", "user")
            .id(id)
            .reason("create-admin"),
    )
    .await?;
    tx.commit().await?;
    Ok(generated)
}
