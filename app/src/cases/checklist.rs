//! The risk checklist: 24 yes / no / don't-know questions on the DASH risk factors, in DASH
//! order. Every answer is kept, not only the count.

use serde::{Deserialize, Serialize};

pub const QUESTIONS: [&str; 24] = [
    "Did the latest incident leave the victim injured?",
    "Is the victim very frightened?",
    "Is the victim afraid of further injury or violence (to herself, the children or someone else)?",
    "Is the victim cut off from family or friends?",
    "Is the victim depressed, or having thoughts of suicide?",
    "Has the victim separated, or tried to separate, from the abuser in the past year?",
    "Is there conflict over contact with the children?",
    "Does the abuser keep texting, calling, following, stalking or harassing the victim?",
    "Is the victim pregnant, or has she had a baby in the last 18 months?",
    "Is the abuse happening more often?",
    "Is the abuse getting worse?",
    "Does the abuser try to control everything the victim does, or show extreme jealousy?",
    "Has the abuser used weapons or objects to hurt the victim?",
    "Has the abuser threatened to kill the victim or someone else, and did the victim believe it?",
    "Has the abuser ever tried to strangle, choke, suffocate or drown the victim?",
    "Does the abuser do or say sexual things that hurt or degrade the victim or someone else?",
    "Is anyone else threatening the victim, or is there anyone else she is afraid of?",
    "Has the abuser hurt anyone else (children, relatives, a former partner, a stranger)?",
    "Has the abuser ever mistreated an animal or the family pet?",
    "Are there financial problems (dependence on the abuser, loss of a job)?",
    "Has the abuser had problems in the past year with drugs, alcohol or mental health?",
    "Has the abuser ever threatened or attempted suicide?",
    "Has the abuser ever broken bail, a protection order or an agreement about contact?",
    "Does the abuser have a criminal record (for domestic abuse or other violence)?",
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
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::Unknown => "Don't know",
        }
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
            return Err(format!(
                "Answer all 24 questions of the risk checklist ({} answered).",
                raw.len()
            ));
        }
        let mut answers = [Answer::Unknown; 24];
        for (i, a) in raw.iter().enumerate() {
            answers[i] = Answer::parse(a).ok_or_else(|| {
                format!(
                    "Question {} of the risk checklist: answer yes, no or unknown.",
                    i + 1
                )
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
