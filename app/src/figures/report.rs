//! The case figures of a period, computed from the period's referrals, the cases' aggregate
//! fields and the agendas. Every figure keeps the cases it counts, so that its list (for the
//! chair and coordinator) is the same count by construction.
//!
//! The unit: a *referral* made in the period (by its `referred_on` day) for new/repeat,
//! referring agency and risk level; a *case* with at least one such referral for the
//! aggregate fields and children; a case on the agenda of a meeting that started in the
//! period (local midnights, not cancelled, item kept) for "cases discussed". A referral is a
//! repeat as the cases domain marked it when it was made (`criteria::within_twelve_months`):
//! a new referral on or before the same calendar date twelve months after an earlier one of
//! the same case — exactly 12 months on is a repeat, a day later is not.

use super::codes::{self, FLAGS, SETS, SINGLE};
use super::period::Period;
use super::types::CaseFigures;
use crate::i18n::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A case a figure counts, by reference only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Counted {
    pub case_id: i64,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Figure {
    /// Names the figure in links and in the data return (`repeat`, `agency-3`, `gender-female`).
    pub key: String,
    pub label: String,
    pub count: u32,
    /// Of the group's base (referrals or cases), when it has one.
    pub percent: Option<f64>,
    #[serde(skip)]
    pub members: Vec<Counted>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FigureGroup {
    /// `overview`, `agency`, `risk`, or an aggregate field's name.
    pub name: String,
    pub label: String,
    pub figures: Vec<Figure>,
}

/// From the actions' own report, for the same days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionFigures {
    pub due: u32,
    pub done: u32,
    pub completion_rate: Option<f64>,
    pub median_days_to_done: Option<f64>,
    pub escalations: u32,
    /// (barrier category code, its words, count).
    pub barriers: Vec<(String, String, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub adult_women: u32,
    /// Cases (with a referral in the period) per 10,000 adult women; none without a population.
    pub per_10000_adult_women: Option<f64>,
    /// Referrals made by agencies other than the police, of all referrals.
    pub non_police_percent: Option<f64>,
    /// Days from a referral to the first meeting that had its case on the agenda.
    pub average_days_to_meeting: Option<f64>,
    pub groups: Vec<FigureGroup>,
    pub actions: ActionFigures,
}

/// A referral made in the period, with what the report counts of it.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ReferralRow {
    pub case_id: i64,
    pub reference: String,
    pub referred_on: String,
    pub agency_id: i64,
    pub agency_name: String,
    pub agency_kind: String,
    pub visible_high_risk: bool,
    pub professional_judgement: bool,
    pub potential_escalation: bool,
    pub is_repeat: bool,
    pub children_count: i64,
}

/// The cases behind one figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FigureList {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub key: String,
    pub label: String,
    pub count: u32,
    pub cases: Vec<Counted>,
}

pub struct Inputs<'a> {
    pub period: Period,
    pub now: i64,
    pub adult_women: u32,
    pub referrals: &'a [ReferralRow],
    pub figures: &'a BTreeMap<i64, CaseFigures>,
    /// (case, reference, meeting start) of every kept case item.
    pub agenda: &'a [(i64, String, i64)],
    pub actions: ActionFigures,
}

fn pct(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| (n as f64 * 1000.0 / of as f64).round() / 10.0)
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Distinct cases, in the order first met.
fn distinct<'r>(it: impl Iterator<Item = (i64, &'r str)>) -> Vec<Counted> {
    let mut out: Vec<Counted> = Vec::new();
    for (id, r) in it {
        if !out.iter().any(|c| c.case_id == id) {
            out.push(Counted {
                case_id: id,
                reference: r.to_string(),
            });
        }
    }
    out
}

fn figure(
    key: impl Into<String>,
    label: String,
    members: Vec<Counted>,
    base: Option<usize>,
) -> Figure {
    Figure {
        key: key.into(),
        label,
        count: members.len() as u32,
        percent: base.and_then(|b| pct(members.len(), b)),
        members,
    }
}

/// A figure counted per referral: its count is the referrals, its list their cases.
fn per_referral(
    key: impl Into<String>,
    label: String,
    rows: &[&ReferralRow],
    base: usize,
) -> Figure {
    Figure {
        key: key.into(),
        label,
        count: rows.len() as u32,
        percent: pct(rows.len(), base),
        members: distinct(rows.iter().map(|r| (r.case_id, r.reference.as_str()))),
    }
}

pub fn compute(i: Inputs) -> CaseReport {
    let all: Vec<&ReferralRow> = i.referrals.iter().collect();
    let n = all.len();
    let cases = distinct(all.iter().map(|r| (r.case_id, r.reference.as_str())));
    let (start, end) = i.period.instants();
    let discussed = distinct(
        i.agenda
            .iter()
            .filter(|(_, _, at)| *at >= start && *at < end && *at <= i.now)
            .map(|(c, r, _)| (*c, r.as_str())),
    );
    let new: Vec<_> = all.iter().copied().filter(|r| !r.is_repeat).collect();
    let repeat: Vec<_> = all.iter().copied().filter(|r| r.is_repeat).collect();
    // The latest referral of each case in the period tells its children when the case's
    // own field (children in the household) is not recorded.
    let mut latest: BTreeMap<i64, &ReferralRow> = BTreeMap::new();
    for r in &all {
        latest.insert(r.case_id, r);
    }
    let empty = CaseFigures::default();
    let fig = |c: &Counted| i.figures.get(&c.case_id).unwrap_or(&empty);
    let children_of = |c: &Counted| -> u32 {
        fig(c)
            .children_in_household
            .map(u32::from)
            .unwrap_or_else(|| {
                latest
                    .get(&c.case_id)
                    .map_or(0, |r| r.children_count.max(0) as u32)
            })
    };
    let with_children: Vec<Counted> = cases
        .iter()
        .filter(|c| children_of(c) > 0)
        .cloned()
        .collect();
    let children_total: u32 = with_children.iter().map(children_of).sum();
    let mut overview = vec![
        figure(
            "discussed",
            Msg("figures-discussed").text(),
            discussed,
            None,
        ),
        figure("cases", Msg("figures-cases").text(), cases.clone(), None),
        per_referral("referrals", Msg("figures-referrals").text(), &all, n),
        per_referral("new", Msg("figures-new").text(), &new, n),
        per_referral("repeat", Msg("figures-repeat").text(), &repeat, n),
        figure(
            "children",
            Msg("figures-with-children").text(),
            with_children.clone(),
            Some(cases.len()),
        ),
    ];
    overview.push(Figure {
        key: "children-total".into(),
        label: Msg("figures-children-total").text(),
        count: children_total,
        percent: None,
        members: with_children,
    });

    let mut agencies: BTreeMap<(String, i64), Vec<&ReferralRow>> = BTreeMap::new();
    for r in &all {
        agencies
            .entry((r.agency_name.clone(), r.agency_id))
            .or_default()
            .push(r);
    }
    let mut by_agency: Vec<Figure> = agencies
        .into_iter()
        .map(|((name, id), rows)| per_referral(format!("agency-{id}"), name, &rows, n))
        .collect();
    let non_police: Vec<_> = all
        .iter()
        .copied()
        .filter(|r| r.agency_kind != "police")
        .collect();
    by_agency.push(per_referral(
        "non-police",
        Msg("figures-non-police").text(),
        &non_police,
        n,
    ));

    type Has = fn(&ReferralRow) -> bool;
    let risk = [
        (
            "visible_high_risk",
            Msg("figures-risk-visible"),
            (|r| r.visible_high_risk) as Has,
        ),
        (
            "professional_judgement",
            Msg("figures-risk-judgement"),
            |r| r.professional_judgement,
        ),
        (
            "potential_escalation",
            Msg("figures-risk-escalation"),
            |r| r.potential_escalation,
        ),
    ]
    .into_iter()
    .map(|(code, label, has)| {
        let rows: Vec<_> = all.iter().copied().filter(|r| has(r)).collect();
        per_referral(format!("risk-{code}"), label.text(), &rows, n)
    })
    .collect();

    let mut groups = vec![
        FigureGroup {
            name: "overview".into(),
            label: Msg("figures-group-overview").text(),
            figures: overview,
        },
        FigureGroup {
            name: "agency".into(),
            label: Msg("figures-group-agency").text(),
            figures: by_agency,
        },
        FigureGroup {
            name: "risk".into(),
            label: Msg("figures-group-risk").text(),
            figures: risk,
        },
    ];
    let nc = cases.len();
    let breakdown = |name: &str,
                     label: String,
                     value: &dyn Fn(&CaseFigures) -> Vec<String>,
                     codes: Vec<(String, String)>| {
        let mut figures: Vec<Figure> = codes
            .into_iter()
            .map(|(code, words)| {
                let m = cases
                    .iter()
                    .filter(|c| value(fig(c)).contains(&code))
                    .cloned()
                    .collect();
                figure(format!("{name}-{code}"), words, m, Some(nc))
            })
            .collect();
        let none = cases
            .iter()
            .filter(|c| value(fig(c)).is_empty())
            .cloned()
            .collect();
        figures.push(figure(
            format!("{name}-not_recorded"),
            Msg("figures-not-recorded").text(),
            none,
            Some(nc),
        ));
        FigureGroup {
            name: name.to_string(),
            label,
            figures,
        }
    };
    let list = |f: &codes::Field| {
        f.codes
            .iter()
            .map(|(c, m)| (c.to_string(), m.text()))
            .collect::<Vec<_>>()
    };
    for f in SINGLE {
        let name = f.name;
        let get = move |c: &CaseFigures| -> Vec<String> {
            match name {
                "gender" => c.gender.clone(),
                "age_band" => c.age_band.clone(),
                "relationship" => c.relationship.clone(),
                _ => c.residence.clone(),
            }
            .into_iter()
            .collect()
        };
        groups.push(breakdown(name, f.label.text(), &get, list(f)));
    }
    for (name, label) in FLAGS {
        let get = move |c: &CaseFigures| -> Vec<String> {
            let v = match name {
                "aged_16_17" => c.aged_16_17,
                "disability" => c.disability,
                "ethnic_minority" => c.ethnic_minority,
                _ => c.lgbt,
            };
            v.map(|b| if b { "yes" } else { "no" }.to_string())
                .into_iter()
                .collect()
        };
        let yes_no = vec![
            ("yes".to_string(), Msg("figures-yes").text()),
            ("no".to_string(), Msg("figures-no").text()),
        ];
        groups.push(breakdown(name, label.text(), &get, yes_no));
    }
    for f in SETS {
        let name = f.name;
        let get = move |c: &CaseFigures| -> Vec<String> {
            match name {
                "violence" => c.violence.clone(),
                "measures" => c.measures.clone(),
                _ => c.services.clone(),
            }
        };
        groups.push(breakdown(name, f.label.text(), &get, list(f)));
    }

    // Referral to the first meeting (on or after its day, already held) with the case on it.
    let waits: Vec<i64> = all
        .iter()
        .filter_map(|r| {
            let d = day(&r.referred_on)?;
            let from = crate::time::local_day_start(d);
            let at = i
                .agenda
                .iter()
                .filter(|(c, _, at)| *c == r.case_id && *at >= from && *at <= i.now)
                .map(|(_, _, at)| *at)
                .min()?;
            Some((crate::time::Clock::local_day(at) - d).num_days())
        })
        .collect();
    let average_days_to_meeting = (!waits.is_empty())
        .then(|| (waits.iter().sum::<i64>() as f64 * 10.0 / waits.len() as f64).round() / 10.0);
    CaseReport {
        from: i.period.from,
        to: i.period.to,
        adult_women: i.adult_women,
        per_10000_adult_women: (i.adult_women > 0)
            .then(|| (nc as f64 * 10_000.0 / i.adult_women as f64 * 100.0).round() / 100.0),
        non_police_percent: pct(non_police.len(), n),
        average_days_to_meeting,
        groups,
        actions: i.actions,
    }
}

impl CaseReport {
    pub fn find(&self, key: &str) -> Option<&Figure> {
        self.groups
            .iter()
            .flat_map(|g| &g.figures)
            .find(|f| f.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(case: i64, on: &str, agency: (i64, &str), repeat: bool, children: i64) -> ReferralRow {
        ReferralRow {
            case_id: case,
            reference: format!("C-2020-{case:04}"),
            referred_on: on.into(),
            agency_id: agency.0,
            agency_name: format!("Agency {}", agency.0),
            agency_kind: agency.1.into(),
            visible_high_risk: !repeat,
            professional_judgement: false,
            potential_escalation: repeat,
            is_repeat: repeat,
            children_count: children,
        }
    }

    #[test]
    fn counts_percentages_and_lists_agree() {
        let period = super::super::period::quarter("2020-Q1").unwrap();
        let referrals = vec![
            row(1, "2020-01-05", (1, "police"), false, 2),
            row(2, "2020-02-05", (2, "ngo"), false, 0),
            row(1, "2020-03-05", (1, "police"), true, 2),
        ];
        let mut figures = BTreeMap::new();
        figures.insert(
            2,
            CaseFigures {
                gender: Some("female".into()),
                violence: vec!["physical".into()],
                ..Default::default()
            },
        );
        let start = crate::time::local_day_start(period.from);
        let agenda = vec![
            (1, "C-2020-0001".to_string(), start + 86_400 * 10),
            (3, "C-2020-0003".to_string(), start - 1),
        ];
        let r = compute(Inputs {
            period,
            now: start + 86_400 * 365,
            adult_women: 20_000,
            referrals: &referrals,
            figures: &figures,
            agenda: &agenda,
            actions: ActionFigures {
                due: 0,
                done: 0,
                completion_rate: None,
                median_days_to_done: None,
                escalations: 0,
                barriers: vec![],
            },
        });
        let count = |k: &str| r.find(k).map(|f| f.count);
        assert_eq!(count("discussed"), Some(1));
        assert_eq!(count("cases"), Some(2));
        assert_eq!(count("referrals"), Some(3));
        assert_eq!(count("repeat"), Some(1));
        assert_eq!(r.find("repeat").unwrap().percent, Some(33.3));
        assert_eq!(count("agency-1"), Some(2));
        assert_eq!(r.find("agency-1").unwrap().members.len(), 1);
        assert_eq!(count("non-police"), Some(1));
        assert_eq!(count("children"), Some(1));
        assert_eq!(count("children-total"), Some(2));
        assert_eq!(count("gender-female"), Some(1));
        assert_eq!(count("gender-not_recorded"), Some(1));
        assert_eq!(count("violence-physical"), Some(1));
        assert_eq!(r.per_10000_adult_women, Some(1.0));
        // Case 1 was referred on 5 January and discussed on 11 January.
        assert_eq!(r.average_days_to_meeting, Some(6.0));
    }
}
