//! Perpetrators go to structured programmes. Anger management, couples counselling, mediation
//! and family therapy put the victim in danger (mediation with the abuser also breaches the
//! Istanbul Convention), so an action that refers a perpetrator to them is refused, whether it
//! is written in English or in Romanian (with or without diacritics).

use super::types::ActionKind;
use crate::i18n::Msg;

/// The wordings refused, each found at the start of a word (so "medierea" is refused and
/// "remedierea" is not), compared as `normalised` gives them.
const HARMFUL: &[&str] = &[
    "anger management",
    "couples counselling",
    "couples counseling",
    "couple counselling",
    "couple counseling",
    "couples therapy",
    "couple therapy",
    "marriage counselling",
    "marriage counseling",
    "relationship counselling",
    "mediation",
    "mediator",
    "family therapy",
    "family counselling",
    "family counseling",
    // Romanian.
    "managementul furiei",
    "management al furiei",
    "managementului furiei",
    "gestionarea furiei",
    "gestionare a furiei",
    "gestionarii furiei",
    "controlul furiei",
    "control al furiei",
    "controlului furiei",
    "consiliere de cuplu",
    "consilierea de cuplu",
    "consilierea cuplului",
    "consiliere pentru cuplu",
    "consiliere maritala",
    "consiliere conjugala",
    "terapie de cuplu",
    "terapia de cuplu",
    "terapia cuplului",
    "mediere",
    "medierea",
    "medieri",
    "terapie de familie",
    "terapia de familie",
    "terapie familiala",
    "terapia familiala",
    "terapie a familiei",
    "terapia familiei",
    "consiliere de familie",
    "consiliere familiala",
    "consilierea familiei",
];

/// Why such an action is refused, and where to refer the perpetrator instead.
pub const REFUSAL: Msg = super::text::PERPETRATOR_REFUSAL;

/// Lowercase, Romanian diacritics taken off (comma below and cedilla alike), anything but
/// letters and digits made one space, with a space in front: "Terapie  FAMILIALĂ" and
/// "terapie familiala", "anger-management" and "anger management" read the same.
fn normalised(s: &str) -> String {
    let plain: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ă' | 'â' | 'á' | 'à' | 'ä' => 'a',
            'î' | 'í' | 'ï' => 'i',
            'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            'é' | 'è' => 'e',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let words: Vec<_> = plain.split_whitespace().collect();
    format!(" {}", words.join(" "))
}

pub fn check(kind: ActionKind, text: &str) -> Result<(), &'static str> {
    if kind != ActionKind::PerpetratorProgrammeReferral {
        return Ok(());
    }
    let t = normalised(text);
    if HARMFUL.iter().any(|h| t.contains(&normalised(h))) {
        Err(REFUSAL.as_str())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> bool {
        check(ActionKind::PerpetratorProgrammeReferral, text) == Err(REFUSAL.as_str())
    }

    #[test]
    fn a_perpetrator_referral_to_anger_management_or_mediation_is_refused() {
        for bad in [
            "Refer him to ANGER  management",
            "Couples counselling with the victim",
            "Family mediation",
            "family therapy sessions",
        ] {
            assert!(refused(bad), "{bad}");
        }
        assert!(REFUSAL
            .as_str()
            .starts_with("A perpetrator must not be referred to anger management"));
    }

    #[test]
    fn a_referral_written_in_romanian_with_diacritics_is_refused() {
        for bad in [
            "Trimiterea agresorului la managementul furiei",
            "Programare la un curs de gestionarea furiei",
            "Curs de controlul furiei la Direcția de Asistență Socială",
            "Consiliere de cuplu împreună cu victima",
            "Terapie de cuplu la psiholog",
            "Mediere între soți",
            "Medierea conflictului familial la biroul de mediator",
            "Ședințe de terapie de familie",
            "Terapie familială săptămânală",
            "TERAPIE FAMILIALĂ",
        ] {
            assert!(refused(bad), "{bad}");
        }
    }

    #[test]
    fn a_referral_written_in_romanian_without_diacritics_or_with_cedillas_is_refused() {
        for bad in [
            "Trimiterea agresorului la managementul furiei",
            "Sedinte de terapie familiala",
            "consiliere de cuplu impreuna cu victima",
            "Mediere intre soti",
            "Terapie  de   familie",
            // The old cedilla letters (ş ţ) are read as the comma-below ones.
            "Şedinţe de terapie familială",
        ] {
            assert!(refused(bad), "{bad}");
        }
    }

    #[test]
    fn a_harmless_romanian_referral_is_accepted() {
        for ok in [
            "Trimiterea agresorului la programul structurat pentru agresori al Direcției de Asistență Socială",
            "Consiliere individuală pentru încetarea violenței, centrată pe siguranța victimei",
            "Evaluare inițială și lucru de grup, cu monitorizare",
            "Remedierea situației locative, apoi programul pentru agresori",
        ] {
            assert!(
                check(ActionKind::PerpetratorProgrammeReferral, ok).is_ok(),
                "{ok}"
            );
        }
        assert!(check(
            ActionKind::LegalAdvice,
            "Explicați victimei de ce medierea nu este potrivită"
        )
        .is_ok());
    }

    #[test]
    fn a_structured_programme_is_accepted_and_other_kinds_are_not_checked() {
        assert!(check(
            ActionKind::PerpetratorProgrammeReferral,
            "Refer to the domestic abuse perpetrator programme"
        )
        .is_ok());
        assert!(check(
            ActionKind::LegalAdvice,
            "Explain why mediation is not appropriate"
        )
        .is_ok());
    }

    #[test]
    fn the_refusal_reads_in_romanian() {
        let ro = crate::i18n::Lang::parse("ro").unwrap();
        assert!(REFUSAL
            .in_lang(ro)
            .starts_with("Un agresor nu trebuie trimis la managementul furiei"));
    }
}
