# The agenda: its sections (SafeLives order), the agenda page and its changes.
agenda-section-confidentiality = Cuvânt de deschidere și declarația de confidențialitate
agenda-section-previous-minutes = Minuta ședinței anterioare
agenda-section-incomplete-actions = Acțiuni nerealizate din ședințele anterioare
agenda-section-new-case-children = Cazuri noi cu copii în gospodărie
agenda-section-new-case = Alte cazuri noi
agenda-section-review = Cazuri pentru reevaluare
agenda-section-twelve-months = Cazuri la 12 luni de la ultima discuție
agenda-section-barriers = Bariere sistemice semnalate
agenda-section-aob = Diverse
agenda-section-other = Alte puncte
agenda-unknown-item = Acest punct nu se află pe ordinea de zi.
agenda-minutes-invalid = Alocați fiecărui punct între 0 și 240 de minute.
agenda-unknown-change = Modificare necunoscută.
agenda-not-built = Întocmiți ordinea de zi înainte de a o publica.
agenda-already-published = Ordinea de zi a fost deja publicată.
agenda-held = Ședința a avut loc; ordinea ei de zi nu mai poate fi modificată.
agenda-reason-required = Spuneți de ce se scoate punctul.
agenda-no-next-meeting = Nu există o ședință ulterioară la care să fie amânat punctul. Programați mai întâi una.
agenda-title-required = Dați un titlu punctului.
agenda-case-unknown = Acest caz nu există.
agenda-position-invalid = Alegeți o poziție din ordinea de zi.
agenda-change-rebuilt = { $count ->
    [one] Un punct a fost adăugat
    [few] { $count } puncte au fost adăugate
   *[other] { $count } de puncte au fost adăugate
} la reîntocmirea ordinii de zi.
agenda-change-moved = „{ $title }” a fost mutat pe poziția { $position }.
agenda-change-removed = „{ $title }” a fost scos: { $reason }
agenda-change-restored = „{ $title }” a fost repus pe ordinea de zi.
agenda-deferred-reason = Amânat pentru ședința următoare
agenda-change-deferred = „{ $title }” a fost amânat pentru ședința următoare.
agenda-change-minutes = { $minutes ->
    [one] „{ $title }” are acum un minut.
    [few] „{ $title }” are acum { $minutes } minute.
   *[other] „{ $title }” are acum { $minutes } de minute.
}
agenda-change-notes = Notele la „{ $title }” au fost modificate.
agenda-change-added = Punct adăugat: { $title }
agenda-page-title = Ședința din { $when }
agenda-back = Înapoi la ședințe
agenda-place = Locul
agenda-chair = Președinte de ședință
agenda-research-due = Termen pentru documentare
agenda-not-set = Nestabilit
agenda-label-reason = Motiv
agenda-label-minutes = Minute
agenda-label-title = Titlu
agenda-label-position = Poziție
agenda-toolbar = Comenzile ordinii de zi
agenda-build = Întocmiți ordinea de zi
agenda-building = Se întocmește…
agenda-publish = Publicați ordinea de zi
agenda-publishing = Se publică…
agenda-start = Începeți ședința
agenda-close = Închideți ședința
agenda-before-details = Înainte de afișarea detaliilor cazurilor:
agenda-acknowledge = Am înțeles și voi păstra confidențialitatea
agenda-changed-title = Modificări de la publicarea ordinii de zi
agenda-not-built-yet = Ordinea de zi nu a fost încă întocmită.
agenda-expected-end = Încheiere estimată la
agenda-booked-until = (ședința este programată până la { $when }).
agenda-overrun = { $minutes ->
    [one] Ordinea de zi depășește cu un minut timpul programat.
    [few] Ordinea de zi depășește cu { $minutes } minute timpul programat.
   *[other] Ordinea de zi depășește cu { $minutes } de minute timpul programat.
} Scurtați sau amânați unele puncte.
agenda-removed-title = Scoase de pe această ordine de zi
agenda-put-back = Repuneți
agenda-item-minutes = { $minutes } min
agenda-previous-minutes = Minuta ședinței din { $when }
agenda-approved = (aprobată)
agenda-not-yet-approved = (încă neaprobată)
agenda-no-children = Fără copii
agenda-children = { $count ->
    [one] un copil
    [few] { $count } copii
   *[other] { $count } de copii
}
agenda-referred-by = Trimis de
agenda-lead = Instituția responsabilă:
agenda-lead-not-decided = nestabilită
agenda-referrals = { $count ->
    [one] o trimitere
    [few] { $count } trimiteri
   *[other] { $count } de trimiteri
}
agenda-details-hidden = Detaliile cazului sunt afișate instituțiilor implicate în acest caz.
agenda-research-sent-by = Documentare trimisă de
agenda-research = Documentare:
agenda-research-link = Documentarea acestui caz
agenda-action-due = termen
agenda-carried-over = Reportată { $count }×
agenda-escalated = Escaladată
agenda-record-outcome = Înregistrați rezultatul
agenda-no-outstanding = Nu există acțiuni nerealizate din ședințele anterioare.
agenda-change-item = Modificați „{ $title }”
agenda-move-up = Mutați mai sus
agenda-move-down = Mutați mai jos
agenda-defer = Amânați pentru ședința următoare
agenda-minutes-for-item = Minute pentru acest punct
agenda-set-minutes = Stabiliți durata
agenda-why-remove = De ce îl scoateți?
agenda-remove-reason = Motivul scoaterii
agenda-remove = Scoateți
agenda-add-title = Adăugați un punct
agenda-add = Adăugați punctul
# The minutes: their states, the page, the messages of the service.
minutes-status-draft = Ciornă
minutes-status-circulated = Transmisă spre revizuire
minutes-status-approved = Aprobată
minutes-not-yet = Minuta se redactează după ce ședința a avut loc.
minutes-locked = Minuta este aprobată și blocată. Pentru orice corectură, adăugați o completare datată.
minutes-stale = Altcineva a salvat minuta după ce ați deschis-o. Reîncărcați pagina ca să vedeți modificările, apoi refaceți-le pe ale dumneavoastră.
minutes-not-draft = Minuta a fost deja transmisă.
minutes-not-circulated = Transmiteți minuta spre revizuire înainte de a o aproba.
minutes-open-comments = Soluționați toate comentariile înainte de aprobarea minutei.
minutes-not-approved = Completările se adaugă la minuta aprobată; modificați în schimb ciorna.
minutes-review-closed = Perioada de revizuire s-a încheiat; adresați-vă direct coordonatorului.
minutes-not-reviewing = Comentariile se primesc cât timp minuta este transmisă spre revizuire.
minutes-body-required = Scrieți comentariul.
minutes-too-long = Folosiți cel mult 20.000 de caractere.
minutes-resolution-invalid = Alegeți „acceptat” sau „respins”.
minutes-unknown-section = Această secțiune nu face parte din minută.
minutes-deadline-invalid = Introduceți ultima zi pentru comentarii, de exemplu 2027-01-22, nu în trecut.
minutes-already-resolved = Acest comentariu a fost deja soluționat.
minutes-confidentiality = Tuturor celor prezenți li s-a reamintit că informațiile transmise sunt confidențiale, se comunică doar celor care au nevoie să le cunoască, pentru siguranța victimelor și a copiilor, și nu se transmit mai departe fără acordul instituțiilor implicate.
minutes-title = Minuta
minutes-page-title = Minuta ședinței din { $when }
minutes-label-comment = Comentariu
minutes-label-deadline = Ultima zi pentru comentarii
minutes-label-text = Text
minutes-comments-until = comentarii până la
minutes-approved-by = aprobată de { $who } la { $when }
minutes-extract = Acest extras conține doar punctele care privesc instituția dumneavoastră.
minutes-circulate = Transmiteți spre revizuire
minutes-approve-note = Aprobarea blochează minuta: corecturile ulterioare se fac într-o completare datată.
minutes-approve = Aprobați minuta
minutes-addenda = Completări
minutes-addendum-label = Adăugați o completare datată
minutes-add-addendum = Adăugați completarea
minutes-edit-section = Modificați această secțiune
minutes-text-markdown = Text (Markdown)
minutes-save-section = Salvați secțiunea
minutes-comments = Comentarii
minutes-comment-open = deschis
minutes-comment-accepted = acceptat
minutes-comment-declined = respins
minutes-proposed = Propunere:
minutes-resolution = Soluționare:
minutes-resolution-note = Nota de soluționare
minutes-note-optional = Notă (opțional)
minutes-accept = Acceptați
minutes-decline = Respingeți
minutes-proposed-wording = Formulare propusă
minutes-send-comment = Trimiteți comentariul
# The first draft of the minutes, assembled from the meeting's record.
minutes-doc-attendance = Ședința și prezența
minutes-doc-date = Data
minutes-doc-place = Locul
minutes-doc-chair = Președinte de ședință
minutes-doc-present = Prezenți
minutes-doc-apologies = Au lipsit motivat
minutes-doc-apologies-info = Au lipsit motivat, au trimis informații
minutes-doc-absent = Absenți
minutes-doc-not-recorded = Neînregistrat
minutes-doc-observer = observator
minutes-doc-nobody = Nimeni.
minutes-doc-holds = deține informații (răspuns la documentare)
minutes-doc-no-trace = nu are date
minutes-doc-shared = Ce s-a transmis
minutes-doc-no-returns = Nu s-a înregistrat niciun răspuns la documentare.
minutes-doc-actions-agreed = Acțiuni stabilite
minutes-doc-action = { $agency } – { $kind }: { $text } (termen { $due })
minutes-doc-no-actions = Niciuna.
minutes-doc-reviewed = { $count ->
    [one] A fost analizată o acțiune anterioară; rezultatul urmează.
    [few] Au fost analizate { $count } acțiuni anterioare; rezultatul fiecăreia urmează.
   *[other] Au fost analizate { $count } de acțiuni anterioare; rezultatul fiecăreia urmează.
}
minutes-doc-shared-live = Transmise în ședință
minutes-doc-summary = Rezumat
minutes-doc-decisions = Decizii
minutes-doc-earlier-action = Acțiune anterioară – { $reference } – { $agency }
minutes-doc-outcome = Rezultat
minutes-doc-still-open = { $count ->
    [one] (termen nou { $due }, reportată o dată)
    [few] (termen nou { $due }, reportată de { $count } ori)
   *[other] (termen nou { $due }, reportată de { $count } de ori)
}
