//! Store functions on a fresh migrated database, without HTTP: round trips and the edge cases
//! their SQL handles (patches that set only what they name, filters, scoping, ordering, limits).

use super::statements::fresh_database;
use super::Pool;
use crate::agencies::types::{AgencyKind, AgencyName, AgencyPatch, Contact, NewAgency};
use crate::auth::types::Role;
use crate::ids::{AgencyId, UserId};
use crate::users::types::{Email, NewUser, PersonName, Representation, UserPatch};

pub(super) const NOW: i64 = 1_767_225_600; // 2026-01-01

pub(super) async fn agency(pool: &Pool, name: &str) -> AgencyId {
    let mut conn = pool.acquire().await.unwrap();
    let a = NewAgency {
        name: AgencyName::parse(name).unwrap(),
        kind: AgencyKind::Police,
        contact: Contact {
            name: Some("Desk".into()),
            email: None,
            phone: Some("0264 000 000".into()),
        },
        children_only: false,
    };
    crate::agencies::store::insert(&mut conn, &a, NOW)
        .await
        .unwrap()
}

pub(super) async fn user(pool: &Pool, email: &str, role: Role, agency: Option<AgencyId>) -> UserId {
    let mut conn = pool.acquire().await.unwrap();
    let u = NewUser {
        email: Email::parse(email).unwrap(),
        name: PersonName::parse("Ana Pop").unwrap(),
        role,
        agency_id: agency,
        representation: Representation::Regular,
        password: None,
    };
    crate::users::store::insert(&mut conn, &u, "hash", None, NOW)
        .await
        .unwrap()
}

mod agencies {
    use super::*;
    use crate::agencies::store;

    #[tokio::test]
    async fn an_agency_patch_changes_only_the_fields_it_names_and_can_clear_a_contact() {
        let pool = fresh_database().await;
        let id = agency(&pool, "Probation Service").await;
        let mut conn = pool.acquire().await.unwrap();
        let patch = AgencyPatch {
            active: Some(false),
            contact_name: Some(None),
            ..Default::default()
        };
        store::update(&mut conn, id, &patch, NOW + 5).await.unwrap();
        let a = store::get(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(a.name, "Probation Service");
        assert_eq!(a.kind, AgencyKind::Police);
        assert!(!a.active);
        assert_eq!(a.contact_name, None);
        assert_eq!(a.contact_phone.as_deref(), Some("0264 000 000"));
    }

    #[tokio::test]
    async fn agencies_list_active_first_then_by_name_ignoring_case() {
        let pool = fresh_database().await;
        let b = agency(&pool, "beta shelter").await;
        let a = agency(&pool, "Alpha Centre").await;
        let z = agency(&pool, "Zeta Clinic").await;
        let mut conn = pool.acquire().await.unwrap();
        let off = AgencyPatch {
            active: Some(false),
            ..Default::default()
        };
        store::update(&mut conn, a, &off, NOW).await.unwrap();
        let ids: Vec<AgencyId> = store::list(&mut conn)
            .await
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
        let mine: Vec<AgencyId> = ids.into_iter().filter(|i| [a, b, z].contains(i)).collect();
        assert_eq!(mine, vec![b, z, a]);
        assert!(store::name_taken(&mut conn, "Zeta Clinic", None)
            .await
            .unwrap());
        assert!(!store::name_taken(&mut conn, "Zeta Clinic", Some(z))
            .await
            .unwrap());
    }
}

mod users {
    use super::*;
    use crate::users::store;

    #[tokio::test]
    async fn a_user_patch_changes_only_what_it_names_and_can_remove_the_agency() {
        let pool = fresh_database().await;
        let ag = agency(&pool, "County Hospital").await;
        let id = user(&pool, "doctor@example.test", Role::Member, Some(ag)).await;
        let mut conn = pool.acquire().await.unwrap();
        let patch = UserPatch {
            role: Some(Role::Observer),
            agency_id: Some(None),
            ..Default::default()
        };
        store::update(&mut conn, id, &patch, NOW + 1).await.unwrap();
        let u = store::get_account(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(u.role, Role::Observer);
        assert_eq!(u.agency_id, None);
        assert_eq!(u.name, "Ana Pop");
        assert!(u.active);
        assert_eq!(u.representation, Representation::Regular);
    }

    #[tokio::test]
    async fn users_are_found_by_email_whatever_its_case_and_spacing() {
        let pool = fresh_database().await;
        let ag = agency(&pool, "Victim Counselling Centre").await;
        let id = user(&pool, "case.worker@example.test", Role::Member, Some(ag)).await;
        let mut conn = pool.acquire().await.unwrap();
        let found = store::find_by_email(&mut conn, "  Case.Worker@Example.TEST ")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.id, id);
        assert!(store::find_by_email(&mut conn, "nobody@example.test")
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn a_chair_other_than_those_excepted_is_found_only_when_active() {
        let pool = fresh_database().await;
        let one = user(&pool, "chair1@example.test", Role::Chair, None).await;
        let two = user(&pool, "chair2@example.test", Role::Chair, None).await;
        let mut conn = pool.acquire().await.unwrap();
        let other = crate::users::access::store::other_chair_exists;
        assert!(other(&mut conn, &[one]).await.unwrap());
        assert!(!other(&mut conn, &[one, two]).await.unwrap());
        store::set_active(&mut conn, two, false, NOW).await.unwrap();
        assert!(!other(&mut conn, &[one]).await.unwrap());
        assert!(other(&mut conn, &[]).await.unwrap());
    }
}

mod meetings {
    use super::*;
    use crate::meetings::store;
    use crate::meetings::types::{MeetingPatch, MeetingStatus, NewMeeting};

    fn meeting(starts_at: i64) -> NewMeeting {
        NewMeeting {
            starts_at,
            ends_at: starts_at + 3600,
            place: Some("Room 4".into()),
            video_link: None,
            chair_id: None,
        }
    }

    #[tokio::test]
    async fn a_meeting_patch_changes_only_what_it_names_and_can_clear_the_place() {
        let pool = fresh_database().await;
        let mut conn = pool.acquire().await.unwrap();
        let id = store::insert(&mut conn, None, &meeting(NOW), NOW)
            .await
            .unwrap();
        let patch = MeetingPatch {
            place: Some(None),
            status: Some(MeetingStatus::AgendaPublished),
            ..Default::default()
        };
        store::update(&mut conn, id, &patch, NOW).await.unwrap();
        let m = store::get(&mut conn, id, 24).await.unwrap().unwrap();
        assert_eq!(m.place, None);
        assert_eq!(m.status, MeetingStatus::AgendaPublished);
        assert_eq!(m.starts_at_unix, NOW);
        assert_eq!(m.ends_at_unix, NOW + 3600);
    }

    #[tokio::test]
    async fn meetings_list_within_the_range_in_time_order_and_know_their_neighbours() {
        let pool = fresh_database().await;
        let mut conn = pool.acquire().await.unwrap();
        let day = 86_400;
        let late = store::insert(&mut conn, None, &meeting(NOW + 20 * day), NOW)
            .await
            .unwrap();
        let early = store::insert(&mut conn, None, &meeting(NOW), NOW)
            .await
            .unwrap();
        let mid = store::insert(&mut conn, None, &meeting(NOW + 10 * day), NOW)
            .await
            .unwrap();
        let all: Vec<_> = store::list(&mut conn, None, None, 24)
            .await
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(all, vec![early, mid, late]);
        let some: Vec<_> = store::list(&mut conn, Some(NOW + day), Some(NOW + 20 * day), 24)
            .await
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(some, vec![mid]);
        assert_eq!(
            store::neighbour(&mut conn, mid, true).await.unwrap(),
            Some(early)
        );
        assert_eq!(
            store::neighbour(&mut conn, mid, false).await.unwrap(),
            Some(late)
        );
        assert_eq!(
            store::neighbour(&mut conn, early, true).await.unwrap(),
            None
        );
    }
}

mod audit {
    use crate::audit::store::{list, record, AuditEvent};
    use crate::audit::types::AuditQuery;
    use crate::db::statements::fresh_database;

    fn query(limit: u32) -> AuditQuery {
        AuditQuery {
            actor_user_id: None,
            entity: None,
            entity_id: None,
            action: None,
            from_unix: None,
            to_unix_exclusive: None,
            before_id: None,
            limit,
        }
    }

    #[tokio::test]
    async fn audit_rows_come_back_newest_first_filtered_and_paged() {
        let pool = fresh_database().await;
        let mut conn = pool.acquire().await.unwrap();
        for i in 0..5 {
            let entity = if i % 2 == 0 { "case" } else { "meeting" };
            record(&mut conn, AuditEvent::new(None, "read", entity).id(i))
                .await
                .unwrap();
        }
        let (rows, more) = list(&mut conn, &query(2)).await.unwrap();
        assert!(more);
        assert_eq!(rows.len(), 2);
        assert!(rows[0].id > rows[1].id);
        let q = AuditQuery {
            entity: Some("case".into()),
            ..query(10)
        };
        let (cases, more) = list(&mut conn, &q).await.unwrap();
        assert!(!more);
        let ids: Vec<_> = cases.iter().map(|r| r.entity_id.clone().unwrap()).collect();
        assert_eq!(ids, vec!["4", "2", "0"]);
        let q = AuditQuery {
            before_id: Some(cases[0].id),
            entity: Some("case".into()),
            ..query(10)
        };
        assert_eq!(list(&mut conn, &q).await.unwrap().0.len(), 2);
    }
}

mod notices {
    use super::*;
    use crate::notices::store::{list_for, mark_read, to_roles, to_user, NewNotice};
    use crate::notices::types::NoticeKind;

    #[tokio::test]
    async fn notices_reach_the_person_or_role_named_and_are_marked_read_once() {
        let pool = fresh_database().await;
        let admin = user(&pool, "admin@example.test", Role::Admin, None).await;
        let ag = agency(&pool, "Women's Shelter").await;
        let member = user(&pool, "member@example.test", Role::Member, Some(ag)).await;
        let mut conn = pool.acquire().await.unwrap();
        to_user(
            &mut conn,
            member,
            &NewNotice::new(NoticeKind::SignInLocked, NOW),
        )
        .await
        .unwrap();
        to_roles(
            &mut conn,
            &[Role::Admin],
            &NewNotice::new(NoticeKind::AccountSignInLocked, NOW + 1),
        )
        .await
        .unwrap();
        let mine = list_for(&mut conn, member, 10).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].kind, NoticeKind::SignInLocked.as_str());
        assert_eq!(list_for(&mut conn, admin, 10).await.unwrap().len(), 1);
        mark_read(&mut conn, member, NOW + 2).await.unwrap();
        mark_read(&mut conn, member, NOW + 9).await.unwrap();
        assert_eq!(
            list_for(&mut conn, member, 10).await.unwrap()[0].read_at,
            Some(NOW + 2)
        );
        assert!(list_for(&mut conn, admin, 10).await.unwrap()[0]
            .read_at
            .is_none());
    }
}
