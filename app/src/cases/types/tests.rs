use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn valid() -> ReferralInput {
    ReferralInput {
        referred_on: "2026-05-30".into(),
        referring_agency_id: Some("3".into()),
        victim: Some(VictimInput {
            name: "  Ana   Pop ".into(),
            date_of_birth: "1990-02-03".into(),
            safe_contact: None,
            safe_to_contact: Some("false".into()),
        }),
        children: vec![
            ChildInput {
                initials: Some("a.p.".into()),
                age: Some("7".into()),
            },
            ChildInput {
                initials: None,
                age: None,
            },
        ],
        checklist: vec!["no".into(); 24],
        incidents_last_12_months: Some("1".into()),
        consent: ConsentInput {
            victim_informed: "yes".into(),
            consent_to_share: "given".into(),
            lawful_basis: None,
        },
        ..Default::default()
    }
}

#[test]
fn a_valid_referral_parses_and_blank_child_rows_are_skipped() {
    let r = valid().parse(today()).unwrap();
    let v = r.victim.unwrap();
    assert_eq!(v.name, "Ana Pop");
    assert!(!v.safe_to_contact);
    assert_eq!(
        r.children,
        vec![Child {
            initials: "A.P.".into(),
            age: 7
        }]
    );
    assert_eq!(r.incidents_last_12_months, 1);
}

#[test]
fn a_referral_dated_tomorrow_is_refused() {
    let mut i = valid();
    i.referred_on = "2026-06-02".into();
    let e = i.parse(today()).unwrap_err();
    assert_eq!(
        e.field("referred_on").as_deref(),
        Some(t::REFERRED_ON_FUTURE.as_str())
    );
    i.referred_on = "2026-06-01".into();
    assert!(i.parse(today()).is_ok());
}

#[test]
fn without_consent_a_lawful_basis_is_required() {
    let mut i = valid();
    i.consent.consent_to_share = "refused".into();
    let e = i.parse(today()).unwrap_err();
    assert!(e.field("consent.lawful_basis").is_some());
    i.consent.lawful_basis = Some("High risk of serious harm; police duty to share".into());
    assert!(i.parse(today()).is_ok());
}

#[test]
fn every_problem_is_named_by_its_field_path() {
    let mut i = valid();
    i.victim.as_mut().unwrap().name = " ".into();
    i.victim.as_mut().unwrap().safe_to_contact = None;
    i.children[0].age = Some("19".into());
    i.checklist.pop();
    i.incidents_last_12_months = Some("many".into());
    i.referring_agency_id = None;
    let e = i.parse(today()).unwrap_err();
    for f in [
        "victim.name",
        "victim.safe_to_contact",
        "children.0.age",
        "checklist",
        "incidents_last_12_months",
        "referring_agency_id",
    ] {
        assert!(e.field(f).is_some(), "{f}: {e:?}");
    }
}

#[test]
fn the_api_accepts_numbers_where_the_form_sends_text() {
    let json = r#"{"referred_on":"2026-05-01","referring_agency_id":3,"checklist":[],
        "incidents_last_12_months":4,"consent":{"victim_informed":"yes","consent_to_share":"given"},
        "children":[{"initials":"AB","age":5}]}"#;
    let i: ReferralInput = serde_json::from_str(json).unwrap();
    assert_eq!(i.referring_agency_id.as_deref(), Some("3"));
    assert_eq!(i.incidents_last_12_months.as_deref(), Some("4"));
    assert_eq!(i.children[0].age.as_deref(), Some("5"));
}
