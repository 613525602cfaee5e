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
mod meetings;
mod store;

/// (name, kind, contact email)
const AGENCIES: &[(&str, &str, &str)] = &[
    (
        "County Police Inspectorate",
        "police",
        "dv-unit@police.demo.test",
    ),
    (
        "Local Police – Mobile Emergency Team",
        "police",
        "emergency@localpolice.demo.test",
    ),
    (
        "County Child Protection Directorate",
        "child_protection",
        "referrals@childprotection.demo.test",
    ),
    (
        "Municipal Social Assistance Directorate",
        "social_services",
        "family@social.demo.test",
    ),
    (
        "Prosecutor's Office",
        "justice",
        "registry@prosecutor.demo.test",
    ),
    (
        "Probation Service",
        "probation",
        "office@probation.demo.test",
    ),
    (
        "County Emergency Hospital",
        "health",
        "social-work@hospital.demo.test",
    ),
    (
        "Forensic Medicine Institute",
        "health",
        "office@forensic.demo.test",
    ),
    (
        "County School Inspectorate",
        "education",
        "counselling@schools.demo.test",
    ),
    (
        "University Research Centre on Family Violence",
        "education",
        "centre@university.demo.test",
    ),
    (
        "Victim Counselling Centre",
        "ngo",
        "advocates@counselling.demo.test",
    ),
    ("Women's Shelter", "ngo", "intake@shelter.demo.test"),
    ("Perpetrator Programme", "ngo", "intake@programme.demo.test"),
    ("Legal Aid Clinic", "ngo", "help@legalaid.demo.test"),
    (
        "Drug Prevention and Counselling Centre",
        "health",
        "contact@drugprevention.demo.test",
    ),
];

/// Demo agencies that attend only the children's cases.
const CHILDREN_ONLY: &[&str] = &[
    "County Child Protection Directorate",
    "County School Inspectorate",
];

/// (email, name, role, agency, representation)
const USERS: &[(&str, &str, &str, Option<&str>, &str)] = &[
    ("admin@demo.test", "Radu Ionescu", "admin", None, "none"),
    (
        "chair@demo.test",
        "Maria Popescu",
        "chair",
        Some("Municipal Social Assistance Directorate"),
        "none",
    ),
    (
        "coordinator@demo.test",
        "Elena Rusu",
        "coordinator",
        Some("Municipal Social Assistance Directorate"),
        "none",
    ),
    (
        "police@demo.test",
        "Andrei Marin",
        "member",
        Some("County Police Inspectorate"),
        "regular",
    ),
    (
        "social@demo.test",
        "Ioana Stan",
        "member",
        Some("Municipal Social Assistance Directorate"),
        "regular",
    ),
    (
        "children@demo.test",
        "Mihai Dobre",
        "member",
        Some("County Child Protection Directorate"),
        "regular",
    ),
    (
        "health@demo.test",
        "Carmen Vlad",
        "member",
        Some("County Emergency Hospital"),
        "regular",
    ),
    (
        "probation@demo.test",
        "Sorin Matei",
        "member",
        Some("Probation Service"),
        "regular",
    ),
    (
        "advocate@demo.test",
        "Laura Neagu",
        "member",
        Some("Victim Counselling Centre"),
        "regular",
    ),
    (
        "observer@demo.test",
        "Paul Georgescu",
        "observer",
        Some("University Research Centre on Family Violence"),
        "none",
    ),
];

async fn agency_id(pool: &Pool, name: &str) -> Result<Option<i64>, BoxError> {
    Ok(store::agency_id(pool, name).await?)
}

/// Creates what is missing of the demo group. With `password` set, every demo user's password
/// is (re)set to it; without, new users get a generated one, printed once.
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

pub async fn seed_demo(pool: &Pool, password: Option<String>) -> Result<(), BoxError> {
    // Meetings are placed in the group's time zone.
    {
        let mut conn = pool.acquire().await?;
        let settings = convene_app::settings::store::read(&mut conn)
            .await
            .map_err(|e| format!("settings: {e:?}"))?;
        convene_app::settings::service::apply(&settings);
    }
    let mut created_agencies = 0;
    for (name, kind, email) in AGENCIES {
        if agency_id(pool, name).await?.is_some() {
            continue;
        }
        let new = NewAgencyInput {
            name: name.to_string(),
            kind: kind.to_string(),
            contact_email: Some(email.to_string()),
            children_only: Some(CHILDREN_ONLY.contains(name).into()),
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
    let created_cases = cases::seed_cases(pool).await?;
    let created_meetings = meetings::seed_meetings(pool).await?;
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
