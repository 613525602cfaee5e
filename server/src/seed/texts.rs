//! The demo's words, one table per language. This is demo data (what a group would have typed),
//! not interface text, so it lives here and not in the catalogue. Every table has the same
//! shape, so the demo's structure (and its deterministic picks) is the same in every language.

use convene_app::i18n::Lang;

/// How many agencies the demo has; `super::AGENCIES` gives their kinds and emails, in the same
/// order as `Texts::agencies`.
pub const AGENCY_COUNT: usize = 15;

pub struct Texts {
    /// Agency names, in the order of `super::AGENCIES`.
    pub agencies: [&'static str; AGENCY_COUNT],
    /// The meeting series and where it meets.
    pub series_name: &'static str,
    pub place: &'static str,
    /// A victim's safe way to be contacted.
    pub safe_contact: &'static str,
    /// Why information was shared without the victim's consent.
    pub lawful_basis: &'static str,
    /// Professional judgement: why the referrer thinks the risk is high.
    pub reasons: [&'static str; 4],
    /// The victim's own views, as her advocate brings them.
    pub views: [&'static str; 4],
}

pub const EN: Texts = Texts {
    agencies: [
        "County Police Inspectorate",
        "Local Police – Mobile Emergency Team",
        "County Child Protection Directorate",
        "Municipal Social Assistance Directorate",
        "Prosecutor's Office",
        "Probation Service",
        "County Emergency Hospital",
        "Forensic Medicine Institute",
        "County School Inspectorate",
        "University Research Centre on Family Violence",
        "Victim Counselling Centre",
        "Women's Shelter",
        "Perpetrator Programme",
        "Legal Aid Clinic",
        "Drug Prevention and Counselling Centre",
    ],
    series_name: "Monthly intervention group",
    place: "City Hall, Room 4",
    safe_contact: "Mobile, weekday mornings only; never leave messages.",
    lawful_basis: "High risk of serious harm: sharing is necessary and proportionate to protect her and the children.",
    reasons: [
        "Threats with a knife reported by the school counsellor; victim minimises.",
        "Perpetrator released from custody last week and has been seen near the house.",
        "Victim pregnant and isolated; hospital staff concerned about repeated injuries.",
        "Escalating stalking after separation; police attended twice this month.",
    ],
    views: [
        "Wants to stay in her flat with the children and for him to stop coming round.",
        "Is afraid to report to the police again; wants help with a protection order.",
        "Wants a place at the shelter for herself and the children until the court hearing.",
        "Wants the children's school to know, but not his family.",
    ],
};

/// The Cluj-Napoca group, in its own words.
pub const RO: Texts = Texts {
    agencies: [
        "Inspectoratul de Poliție Județean Cluj",
        "Poliția Locală Cluj-Napoca – Echipa mobilă de intervenție",
        "Direcția Generală de Asistență Socială și Protecția Copilului Cluj (DGASPC)",
        "Direcția de Asistență Socială și Medicală Cluj-Napoca (DASM)",
        "Parchetul de pe lângă Judecătoria Cluj-Napoca",
        "Serviciul de Probațiune Cluj",
        "Spitalul Clinic Județean de Urgență Cluj",
        "Institutul de Medicină Legală Cluj-Napoca",
        "Inspectoratul Școlar Județean Cluj (ISJ)",
        "Universitatea Babeș-Bolyai – Centrul de cercetare a violenței în familie",
        "Asociația Artemis – consiliere pentru victime",
        "Centrul de primire în regim de urgență pentru victimele violenței domestice",
        "Centrul de asistență destinat agresorilor familiali",
        "Clinica de asistență juridică gratuită Cluj",
        "Centrul de Prevenire, Evaluare și Consiliere Antidrog Cluj (CPECA)",
    ],
    series_name: "Ședința lunară a grupului de intervenție interdisciplinară",
    place: "Primăria Cluj-Napoca, sala 4",
    safe_contact: "Telefon mobil, doar dimineața, în zilele lucrătoare; nu lăsați mesaje.",
    lawful_basis: "Risc ridicat de vătămare gravă: transmiterea informațiilor este necesară și proporțională pentru protecția ei și a copiilor.",
    reasons: [
        "Amenințări cu cuțitul semnalate de consilierul școlar; victima minimalizează.",
        "Agresorul a fost eliberat din arest săptămâna trecută și a fost văzut lângă casă.",
        "Victima este însărcinată și izolată; personalul spitalului este îngrijorat de leziunile repetate.",
        "Hărțuire tot mai gravă după separare; poliția a intervenit de două ori luna aceasta.",
    ],
    views: [
        "Vrea să rămână în apartament cu copiii și ca el să nu mai vină pe acolo.",
        "Îi este frică să mai sesizeze poliția; vrea ajutor pentru un ordin de protecție.",
        "Vrea un loc în centrul de primire pentru ea și copii până la termenul din instanță.",
        "Vrea ca școala copiilor să știe, dar nu și familia lui.",
    ],
};

/// Every language's table, for finding what an earlier seed wrote in another language.
pub const ALL: [&Texts; 2] = [&EN, &RO];

/// The demo's words in this language (English for a language without its own table).
pub fn of(lang: Lang) -> &'static Texts {
    match lang.code().as_str() {
        "ro" => &RO,
        _ => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_its_agencies_once_and_writes_romanian_with_commas_below() {
        for t in ALL {
            let mut names = t.agencies.to_vec();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), AGENCY_COUNT);
        }
        let all_ro = RO
            .agencies
            .iter()
            .chain(RO.reasons.iter())
            .chain(RO.views.iter())
            .chain([
                &RO.series_name,
                &RO.place,
                &RO.safe_contact,
                &RO.lawful_basis,
            ])
            .copied()
            .collect::<String>();
        assert!(
            !all_ro.contains(['ş', 'ţ', 'Ş', 'Ţ']),
            "cedilla in {all_ro}"
        );
        for (en, ro) in EN.agencies.iter().zip(RO.agencies.iter()) {
            assert_ne!(en, ro);
        }
    }
}
