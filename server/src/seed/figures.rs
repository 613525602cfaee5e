//! The demo's aggregate fields: most cases get them (every seventh is left unrecorded, as in
//! real files), chosen from the case's place in the register so that each run gives the same
//! figures; and the area's population of adult women (Cluj-Napoca).

use crate::startup::BoxError;
use convene_app::audit::store::{record, AuditEvent};
use convene_app::db::Pool;
use convene_app::figures::store;
use convene_app::figures::types::CaseFigures;

/// Adult women (18 and over) in Cluj-Napoca, rounded: about 131,500 of some 286,000 people.
const ADULT_WOMEN: &str = "131500";

fn pick<'a>(list: &[&'a str], n: usize) -> &'a str {
    list[n % list.len()]
}

fn figures_for(n: usize) -> CaseFigures {
    let age = pick(
        &[
            "25_34", "35_44", "18_24", "45_54", "25_34", "35_44", "55_64", "under_18", "65_plus",
        ],
        n,
    );
    let violence: Vec<String> = [
        ("physical", n % 5 != 4),
        ("psychological", true),
        ("economic", n.is_multiple_of(3)),
        ("sexual", n % 6 == 1),
        ("stalking", n % 4 == 2),
        ("coercive_control", n % 3 == 1),
    ]
    .iter()
    .filter(|(_, on)| *on)
    .map(|(c, _)| c.to_string())
    .collect();
    let measures: Vec<&str> = match n % 6 {
        0 => vec![
            "provisional_order_requested",
            "provisional_order_issued",
            "court_order_requested",
            "court_order_issued",
        ],
        1 => vec![
            "provisional_order_requested",
            "provisional_order_issued",
            "complaint_filed",
        ],
        2 => vec![
            "court_order_requested",
            "court_order_refused",
            "complaint_filed",
            "complaint_withdrawn",
        ],
        3 => vec!["provisional_order_requested", "provisional_order_refused"],
        4 => vec![
            "court_order_requested",
            "court_order_issued",
            "electronic_monitoring",
            "complaint_filed",
        ],
        _ => vec![],
    };
    let services: Vec<&str> = match n % 5 {
        0 => vec!["counselling", "legal_aid", "shelter"],
        1 => vec!["counselling", "psychological_support", "social_assistance"],
        2 => vec!["legal_aid", "medical", "child_protection"],
        3 => vec![
            "counselling",
            "housing",
            "employment",
            "perpetrator_programme",
        ],
        _ => vec!["social_assistance", "psychological_support"],
    };
    CaseFigures {
        gender: Some(if n % 13 == 5 { "male" } else { "female" }.into()),
        age_band: Some(age.into()),
        aged_16_17: Some(age == "under_18"),
        disability: Some(n % 9 == 3),
        ethnic_minority: Some(n % 8 == 2),
        lgbt: (n % 3 != 2).then_some(n % 17 == 4),
        relationship: Some(
            pick(
                &[
                    "partner",
                    "ex_partner",
                    "partner",
                    "family_member",
                    "ex_partner",
                    "other",
                ],
                n,
            )
            .into(),
        ),
        residence: Some(if n % 4 == 3 { "rural" } else { "urban" }.into()),
        children_in_household: (n % 5 != 1).then_some((n % 4) as u8),
        violence,
        measures: measures.into_iter().map(String::from).collect(),
        services: services.into_iter().map(String::from).collect(),
    }
}

/// Fills the fields of the cases that have none and sets the population if unset; returns
/// how many cases were filled.
pub async fn seed_figures(pool: &Pool) -> Result<usize, BoxError> {
    let now = convene_app::time::now();
    let mut tx = pool.begin().await?;
    let settings = convene_app::settings::service::read_in(&mut tx).await?;
    if settings.adult_women == 0 {
        convene_app::settings::store::write(&mut tx, "adult_women", ADULT_WOMEN.into()).await?;
    }
    let mut filled = 0;
    for (n, case) in store::cases_without(&mut tx).await?.into_iter().enumerate() {
        if n % 7 == 6 {
            continue;
        }
        let f = figures_for(n);
        store::put(&mut tx, case, &f, None, now).await?;
        record(
            &mut tx,
            AuditEvent::new(None, "update_figures", "case")
                .id(case)
                .reason("seed-demo"),
        )
        .await?;
        filled += 1;
    }
    tx.commit().await?;
    Ok(filled)
}
