//! The case, need-to-know and action stores on a fresh migrated database, without HTTP.

use super::statements::fresh_database;
use super::store_tests::{agency, user, NOW};
use super::Pool;
use crate::actions::store as actions;
use crate::actions::types::{ActionKind, ActionPatch, ActionStatus, BarrierCategory, NewAction};
use crate::auth::case_access_store as access;
use crate::auth::types::Role;
use crate::cases::store as cases;
use crate::cases::types::{Child, Victim};
use crate::ids::{ActionId, CaseId, UserId};
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn case(pool: &Pool, key: &str, born: &str, now: i64) -> (CaseId, String) {
    let mut conn = pool.acquire().await.unwrap();
    let victim = Victim {
        name: "Ioana Test".into(),
        date_of_birth: date(born),
        safe_contact: None,
        safe_to_contact: false,
    };
    cases::insert_case(&mut conn, &victim, key, None, now)
        .await
        .unwrap()
}

mod case_rows {
    use super::*;

    #[tokio::test]
    async fn cases_are_numbered_within_their_year_and_read_back_by_reference() {
        let pool = fresh_database().await;
        let (a, ref_a) = case(&pool, "k-a", "1990-01-01", NOW).await;
        let (_, ref_b) = case(&pool, "k-b", "1990-01-01", NOW).await;
        let (_, next_year) = case(&pool, "k-c", "1990-01-01", NOW + 366 * 86_400).await;
        assert_eq!(ref_a, "C-2026-0001");
        assert_eq!(ref_b, "C-2026-0002");
        assert_eq!(next_year, "C-2027-0001");
        let mut conn = pool.acquire().await.unwrap();
        assert_eq!(cases::reference(&mut conn, a).await.unwrap(), ref_a);
        assert!(access::exists(&mut conn, a).await.unwrap());
        assert!(!access::exists(&mut conn, CaseId(a.0 + 100)).await.unwrap());
    }

    #[tokio::test]
    async fn matching_finds_the_same_name_key_and_date_of_birth_only() {
        let pool = fresh_database().await;
        let (same, _) = case(&pool, "pop ana", "1988-03-04", NOW).await;
        case(&pool, "pop ana", "1988-03-05", NOW).await;
        case(&pool, "pop ane", "1988-03-04", NOW).await;
        let (also, _) = case(&pool, "pop ana", "1988-03-04", NOW + 1).await;
        let mut conn = pool.acquire().await.unwrap();
        let found = cases::matching_cases(&mut conn, "pop ana", date("1988-03-04"))
            .await
            .unwrap();
        assert_eq!(found, vec![same, also], "oldest first");
    }

    #[tokio::test]
    async fn replacing_children_keeps_only_the_new_list() {
        let pool = fresh_database().await;
        let (id, _) = case(&pool, "k", "1990-01-01", NOW).await;
        let mut conn = pool.acquire().await.unwrap();
        let kids = |xs: &[(&str, u8)]| {
            xs.iter()
                .map(|(i, a)| Child {
                    initials: i.to_string(),
                    age: *a,
                })
                .collect::<Vec<_>>()
        };
        cases::replace_children(&mut conn, id, &kids(&[("A.B.", 4), ("C.D.", 9)]))
            .await
            .unwrap();
        cases::replace_children(&mut conn, id, &kids(&[("E.F.", 12)]))
            .await
            .unwrap();
        assert_eq!(
            cases::children(&mut conn, id).await.unwrap(),
            kids(&[("E.F.", 12)])
        );
    }
}

mod need_to_know {
    use super::*;

    #[tokio::test]
    async fn an_agency_sees_a_case_while_it_has_a_reason_and_not_after_the_last_is_withdrawn() {
        let pool = fresh_database().await;
        let police = agency(&pool, "Police").await;
        let health = agency(&pool, "Health").await;
        let (id, _) = case(&pool, "k", "1990-01-01", NOW).await;
        let mut conn = pool.acquire().await.unwrap();
        assert_eq!(
            access::access(&mut conn, id, Some(police)).await.unwrap(),
            Some((false, false))
        );
        assert!(access::involve(&mut conn, id, police, "referring", NOW)
            .await
            .unwrap());
        assert!(
            !access::involve(&mut conn, id, police, "referring", NOW)
                .await
                .unwrap(),
            "the same reason twice is one row"
        );
        access::involve(&mut conn, id, police, "action", NOW)
            .await
            .unwrap();
        assert_eq!(
            access::access(&mut conn, id, Some(police)).await.unwrap(),
            Some((true, false))
        );
        assert_eq!(
            access::access(&mut conn, id, Some(health)).await.unwrap(),
            Some((false, false))
        );
        assert!(cases::withdraw(&mut conn, id, police, "referring")
            .await
            .unwrap());
        assert_eq!(
            access::access(&mut conn, id, Some(police)).await.unwrap(),
            Some((true, false)),
            "the action still involves the police"
        );
        assert!(cases::withdraw(&mut conn, id, police, "action")
            .await
            .unwrap());
        assert!(!cases::withdraw(&mut conn, id, police, "action")
            .await
            .unwrap());
        assert_eq!(
            access::access(&mut conn, id, Some(police)).await.unwrap(),
            Some((false, false))
        );
        assert_eq!(
            access::access(&mut conn, CaseId(id.0 + 100), Some(police))
                .await
                .unwrap(),
            None,
            "no such case"
        );
    }
}

mod action_rows {
    use super::*;

    fn new_action(case: CaseId, owner: crate::ids::AgencyId, due: &str) -> NewAction {
        NewAction {
            case_id: case,
            meeting_id: None,
            owner_agency_id: owner,
            owner_user_id: None,
            kind: ActionKind::Housing,
            text: "Housing application".into(),
            due_on: date(due),
            what_is_different: None,
        }
    }

    async fn list_ids(pool: &Pool, q: actions::Query) -> Vec<ActionId> {
        let mut conn = pool.acquire().await.unwrap();
        let list = actions::list(&mut conn, &q).await.unwrap();
        list.into_iter().map(|a| a.id).collect()
    }

    async fn insert(pool: &Pool, a: &NewAction, by: UserId) -> ActionId {
        let mut conn = pool.acquire().await.unwrap();
        actions::insert(&mut conn, a, by, NOW).await.unwrap()
    }

    #[tokio::test]
    async fn an_action_reads_back_with_its_case_and_owner_and_starts_its_history_open() {
        let pool = fresh_database().await;
        let social = agency(&pool, "Social Services").await;
        let by = user(&pool, "coord@test.example", Role::Coordinator, None).await;
        let (case_id, reference) = case(&pool, "k", "1990-01-01", NOW).await;
        let id = insert(&pool, &new_action(case_id, social, "2031-02-01"), by).await;
        let mut conn = pool.acquire().await.unwrap();
        let a = actions::get(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(a.reference, reference);
        assert_eq!(a.owner_agency_name, "Social Services");
        assert_eq!(a.status, ActionStatus::Open);
        assert_eq!(a.due_on, date("2031-02-01"));
        assert!(!a.overdue);
        let history = actions::history_of(&mut conn, id).await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].to, ActionStatus::Open);
        assert_eq!(history[0].due_to, Some(date("2031-02-01")));
        assert!(actions::get(&mut conn, ActionId(id.0 + 1))
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn a_patch_sets_only_what_it_names() {
        let pool = fresh_database().await;
        let social = agency(&pool, "Social Services").await;
        let by = user(&pool, "coord@test.example", Role::Coordinator, None).await;
        let (case_id, _) = case(&pool, "k", "1990-01-01", NOW).await;
        let id = insert(&pool, &new_action(case_id, social, "2031-02-01"), by).await;
        let mut conn = pool.acquire().await.unwrap();
        let patch = ActionPatch {
            status: Some(ActionStatus::NotDoneAgency),
            reason: None,
            barrier: Some((BarrierCategory::ResourcesCapacity, None)),
            due_on: None,
            superseded_by: None,
            note: None,
            meeting_id: None,
        };
        actions::apply(&mut conn, id, &patch, NOW + 10)
            .await
            .unwrap();
        let a = actions::get(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(a.status, ActionStatus::NotDoneAgency);
        assert_eq!(a.barrier_category, Some(BarrierCategory::ResourcesCapacity));
        assert_eq!(a.due_on, date("2031-02-01"), "the due date was not named");
        assert_eq!(a.text, "Housing application");
    }

    #[tokio::test]
    async fn the_list_applies_each_filter_only_when_given_and_an_agency_sees_only_its_cases() {
        let pool = fresh_database().await;
        let police = agency(&pool, "Police").await;
        let social = agency(&pool, "Social Services").await;
        let by = user(&pool, "coord@test.example", Role::Coordinator, None).await;
        let (seen, _) = case(&pool, "k1", "1990-01-01", NOW).await;
        let (unseen, _) = case(&pool, "k2", "1990-01-01", NOW).await;
        {
            let mut conn = pool.acquire().await.unwrap();
            access::involve(&mut conn, seen, police, "referring", NOW)
                .await
                .unwrap();
        }
        let late = insert(&pool, &new_action(seen, social, "2020-01-01"), by).await;
        let later = insert(&pool, &new_action(seen, police, "2031-01-01"), by).await;
        let hidden = insert(&pool, &new_action(unseen, social, "2031-01-01"), by).await;
        let ids = |q: actions::Query| list_ids(&pool, q);
        assert_eq!(
            ids(actions::Query::default()).await,
            vec![late, later, hidden],
            "everything, overdue first"
        );
        let mine = actions::Query {
            visible_to: Some(Some(police)),
            ..Default::default()
        };
        assert_eq!(ids(mine).await, vec![late, later]);
        let nobody = actions::Query {
            visible_to: Some(None),
            ..Default::default()
        };
        assert_eq!(ids(nobody).await, Vec::<ActionId>::new());
        let owned = actions::Query {
            agency: Some(social),
            ..Default::default()
        };
        assert_eq!(ids(owned).await, vec![late, hidden]);
        let overdue = actions::Query {
            overdue: true,
            ..Default::default()
        };
        assert_eq!(ids(overdue).await, vec![late]);
        let on_case = actions::Query {
            case: Some(unseen),
            ..Default::default()
        };
        assert_eq!(ids(on_case).await, vec![hidden]);
        let picked = actions::Query {
            ids: Some(vec![hidden, late]),
            ..Default::default()
        };
        assert_eq!(ids(picked).await, vec![late, hidden]);
    }
}
