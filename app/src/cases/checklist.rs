//! The risk checklist: 24 yes / no / don't-know questions on the DASH risk factors, in DASH
//! order. Every answer is kept, not only the count.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// The questions, in the catalogue as `checklist-q01` … `checklist-q24`.
pub const QUESTIONS: [Msg; 24] = [
    Msg("checklist-q01"),
    Msg("checklist-q02"),
    Msg("checklist-q03"),
    Msg("checklist-q04"),
    Msg("checklist-q05"),
    Msg("checklist-q06"),
    Msg("checklist-q07"),
    Msg("checklist-q08"),
    Msg("checklist-q09"),
    Msg("checklist-q10"),
    Msg("checklist-q11"),
    Msg("checklist-q12"),
    Msg("checklist-q13"),
    Msg("checklist-q14"),
    Msg("checklist-q15"),
    Msg("checklist-q16"),
    Msg("checklist-q17"),
    Msg("checklist-q18"),
    Msg("checklist-q19"),
    Msg("checklist-q20"),
    Msg("checklist-q21"),
    Msg("checklist-q22"),
    Msg("checklist-q23"),
    Msg("checklist-q24"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    Unknown,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        Msg(match self {
            Answer::Yes => "common-yes",
            Answer::No => "common-no",
            Answer::Unknown => "checklist-unknown",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Option<Answer> {
        match s.trim() {
            "yes" => Some(Answer::Yes),
            "no" => Some(Answer::No),
            "unknown" => Some(Answer::Unknown),
            _ => None,
        }
    }

    /// One character per answer, as stored.
    pub fn code(self) -> char {
        match self {
            Answer::Yes => 'y',
            Answer::No => 'n',
            Answer::Unknown => 'u',
        }
    }

    pub fn from_code(c: char) -> Option<Answer> {
        match c {
            'y' => Some(Answer::Yes),
            'n' => Some(Answer::No),
            'u' => Some(Answer::Unknown),
            _ => None,
        }
    }
}

/// A complete checklist: exactly 24 answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checklist(pub [Answer; 24]);

impl Checklist {
    /// From the API's list of 24 "yes" / "no" / "unknown"; names the first bad entry.
    pub fn parse(raw: &[String]) -> Result<Checklist, String> {
        if raw.len() != 24 {
            return Err(Msg("checklist-answer-all").with(&[("count", raw.len().into())]));
        }
        let mut answers = [Answer::Unknown; 24];
        for (i, a) in raw.iter().enumerate() {
            answers[i] = Answer::parse(a).ok_or_else(|| {
                Msg("checklist-answer-invalid").with(&[("number", (i + 1).into())])
            })?;
        }
        Ok(Checklist(answers))
    }

    pub fn yes_count(&self) -> u32 {
        self.0.iter().filter(|a| **a == Answer::Yes).count() as u32
    }

    pub fn to_codes(&self) -> String {
        self.0.iter().map(|a| a.code()).collect()
    }

    pub fn from_codes(s: &str) -> Option<Checklist> {
        let v: Vec<Answer> = s.chars().map(Answer::from_code).collect::<Option<_>>()?;
        v.try_into().ok().map(Checklist)
    }

    pub fn to_strings(&self) -> Vec<String> {
        self.0.iter().map(|a| a.as_str().to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(yes: usize, unknown: usize) -> Vec<String> {
        (0..24)
            .map(|i| {
                if i < yes {
                    "yes"
                } else if i < yes + unknown {
                    "unknown"
                } else {
                    "no"
                }
                .to_string()
            })
            .collect()
    }

    #[test]
    fn there_are_twenty_four_questions() {
        assert_eq!(QUESTIONS.len(), 24);
        assert!(QUESTIONS.iter().all(|q| q.ends_with('?')));
    }

    #[test]
    fn every_question_reads_in_romanian_too() {
        let ro = crate::i18n::Lang::parse("ro").unwrap();
        for q in QUESTIONS {
            let text = q.in_lang(ro);
            assert!(text.ends_with('?'), "{}: {text}", q.0);
            assert_ne!(text, q.in_lang(crate::i18n::Lang::english()), "{}", q.0);
        }
    }

    #[test]
    fn only_yes_answers_count() {
        let c = Checklist::parse(&answers(5, 10)).unwrap();
        assert_eq!(c.yes_count(), 5);
    }

    #[test]
    fn a_short_list_or_a_bad_answer_is_refused_with_its_position() {
        assert!(Checklist::parse(&answers(0, 0)[..23])
            .unwrap_err()
            .contains("23 answered"));
        let mut a = answers(0, 0);
        a[6] = "maybe".into();
        assert!(Checklist::parse(&a).unwrap_err().contains("Question 7"));
    }

    #[test]
    fn answers_survive_the_storage_codes() {
        let c = Checklist::parse(&answers(3, 4)).unwrap();
        let codes = c.to_codes();
        assert_eq!(&codes[..8], "yyyuuuun");
        assert_eq!(Checklist::from_codes(&codes), Some(c));
        assert_eq!(Checklist::from_codes("yyy"), None);
    }
}
