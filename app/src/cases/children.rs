//! The children of a household as several referrals report them. A later referral (or a
//! merged case) adds to the list; it never wipes out children another agency reported.

use super::types::Child;

/// Whether two reports are likely the same child: the same initials, and ages at most a year
/// apart (referrals months apart give the same child different ages).
fn same_child(a: &Child, b: &Child) -> bool {
    a.initials == b.initials && a.age.abs_diff(b.age) <= 1
}

/// `known` with every child of `reported` that it does not already hold; a child reported
/// again keeps the higher (later) age.
pub fn merge(known: &[Child], reported: &[Child]) -> Vec<Child> {
    let mut out: Vec<Child> = known.to_vec();
    for c in reported {
        match out.iter_mut().find(|k| same_child(k, c)) {
            Some(k) => k.age = k.age.max(c.age),
            None => out.push(c.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(initials: &str, age: u8) -> Child {
        Child {
            initials: initials.into(),
            age,
        }
    }

    #[test]
    fn children_reported_by_another_agency_are_added_not_replaced() {
        let merged = merge(&[c("A.P.", 7)], &[c("M.P.", 3)]);
        assert_eq!(merged, vec![c("A.P.", 7), c("M.P.", 3)]);
    }

    #[test]
    fn the_same_child_reported_again_a_year_older_is_listed_once() {
        assert_eq!(merge(&[c("A.P.", 7)], &[c("A.P.", 8)]), vec![c("A.P.", 8)]);
        assert_eq!(merge(&[c("A.P.", 8)], &[c("A.P.", 7)]), vec![c("A.P.", 8)]);
    }

    #[test]
    fn children_with_the_same_initials_but_far_apart_in_age_are_two_children() {
        let merged = merge(&[c("A.P.", 2)], &[c("A.P.", 9)]);
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn a_referral_without_children_keeps_the_known_ones() {
        assert_eq!(merge(&[c("A.P.", 7)], &[]), vec![c("A.P.", 7)]);
    }
}
