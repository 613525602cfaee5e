outbox-unknown-kind = Nu este un tip de mesaj pe care Convene îl trimite.
outbox-unknown-delivery = Alegeți imediat, rezumat zilnic sau fără e-mail.
outbox-mandatory = Cererile de documentare ajung la reprezentantul permanent al instituției: aceasta nu poate fi oprită.
outbox-delivery-immediate = Imediat
outbox-delivery-digest = Rezumat zilnic
outbox-delivery-none = Fără e-mail
outbox-state-pending = În așteptare
outbox-state-sending = Se trimite
outbox-state-sent = Trimis
outbox-state-failed = Eșuat
outbox-state-skipped = Netrimis pe e-mail
outbox-state-interrupted = Întrerupt
outbox-mail-hello = Bună ziua,
outbox-mail-case = Cazul { $reference }
outbox-mail-open = Deschideți în Convene:
outbox-mail-no-details = Acest e-mail nu conține detalii despre caz. Autentificați-vă în Convene pentru a le vedea.
outbox-mail-why = Primiți acest mesaj pentru că participați la ședințele grupului. Alegeți ce vă trimite Convene pe e-mail, și când, în „Contul dumneavoastră”:
outbox-digest-subject = { $count ->
    [one] Convene: rezumatul zilnic, { $count } mesaj
    [few] Convene: rezumatul zilnic, { $count } mesaje
   *[other] Convene: rezumatul zilnic, { $count } de mesaje
}
outbox-digest-intro = De la rezumatul de ieri:
outbox-page-title = Mesaje trimise
outbox-page-intro = Ce a comunicat Convene persoanelor, pe e-mail și în notificări. Un mesaj eșuat sau aflat în curs de trimitere când Convene s-a oprit așteaptă aici: verificați cu persoana, apoi trimiteți-l din nou.
outbox-no-server = Nu este configurat niciun server de e-mail (CONVENE_SMTP_URL): mesajele apar doar în notificări și sunt listate aici ca netrimise pe e-mail.
outbox-filter-state = Stare
outbox-filter-all = Toate
outbox-filter = Afișați
outbox-col-when = Scris
outbox-col-kind = Ce
outbox-col-to = Către
outbox-col-about = Despre
outbox-col-state = Stare
outbox-col-error = Ce nu a mers
outbox-retry = Trimiteți din nou
outbox-retried = Trimis înapoi în coadă.
outbox-empty = Nimic aici.
outbox-user = utilizatorul { $user }
outbox-failures = { $count ->
    [one] { $count } mesaj a eșuat sau a fost întrerupt.
    [few] { $count } mesaje au eșuat sau au fost întrerupte.
   *[other] { $count } de mesaje au eșuat sau au fost întrerupte.
}
outbox-prefs-title = Ce vă trimite Convene pe e-mail
outbox-prefs-intro = Totul apare și în notificările de pe pagina principală. E-mailurile nu conțin niciodată detalii despre caz: numărul cazului, data ședinței și o legătură.
outbox-prefs-kind = Despre
outbox-prefs-how = Pe e-mail
outbox-prefs-mandatory = Obligatoriu: sunteți reprezentantul permanent al instituției.
outbox-prefs-save = Salvați alegerile
outbox-prefs-saved = Alegerile dumneavoastră au fost salvate.
outbox-kind-agenda-published = Ordine de zi publicată
outbox-kind-research-due = Documentare de trimis
outbox-kind-research-reminder = Documentare solicitată
outbox-kind-action-assigned = Acțiune atribuită
outbox-kind-action-due-soon = Acțiune cu termen într-o săptămână
outbox-kind-action-due-tomorrow = Acțiune cu termen mâine
outbox-kind-action-overdue = Acțiune depășită
outbox-kind-action-escalated = Acțiune escaladată
outbox-kind-minutes-circulated = Minută de revizuit
outbox-kind-minutes-deadline = Minută: observațiile se închid mâine
outbox-kind-minutes-approved = Minută aprobată
outbox-kind-meeting-moved = Ședință mutată
outbox-kind-meeting-cancelled = Ședință anulată
outbox-kind-referral-match-pending = Trimitere de verificat
outbox-kind-access-awaiting-decision = Modificare de acces de decis
outbox-kind-case-manager-assigned = Sunteți manager de caz
outbox-kind-case-responsible-assigned = Sunteți responsabil de caz
outbox-kind-case-deadline-tomorrow = Termen de caz mâine
outbox-kind-case-review-placed = Caz revenit pentru reevaluare
outbox-kind-other = Notificare
