actions-kind-invalid = Alegeți din listă tipul acțiunii.
actions-status-invalid = Alegeți din listă o stare.
actions-barrier-invalid = Alegeți ce fel de barieră a stat în cale.
actions-case-required = Alegeți cazul pentru care este acțiunea.
actions-meeting-invalid = Alegeți din listă o ședință sau niciuna.
actions-agency-required = Alegeți instituția responsabilă de acțiune.
actions-person-invalid = Alegeți o persoană din instituția responsabilă sau pe nimeni.
actions-text-required = Spuneți ce trebuie făcut.
actions-due-invalid = Introduceți termenul în forma 2027-01-15.
actions-reason-required = Spuneți de ce: motivul se păstrează în istoricul acțiunii.
actions-barrier-required = Alegeți tipul barierei, ca barierele care revin să poată fi văzute.
actions-superseded-required = Alegeți acțiunea nouă care o înlocuiește pe aceasta.
actions-superseded-invalid = Alegeți o altă acțiune din același caz.
actions-due-reason-required = Spuneți de ce se schimbă termenul.
actions-nothing-to-change = Alegeți o stare nouă, un termen nou sau adăugați o notă.
actions-what-is-different = O acțiune de acest tip a acestei instituții s-a încheiat nerealizată în acest caz. Spuneți ce este diferit de data aceasta.
actions-already-final = Această acțiune este încheiată; conveniți în schimb o acțiune nouă.
actions-not-own-agency = Puteți actualiza doar acțiunile propriei instituții.
actions-case-closed = Acest caz este închis; redeschideți-l înainte de a conveni acțiuni.
actions-person-not-in-agency = Această persoană nu aparține instituției responsabile.
actions-not-brought-back = Această acțiune nu se numără printre cele readuse la această ședință.
actions-too-long = Folosiți cel mult { $max } de caractere.
actions-text-too-long = Folosiți cel mult 2.000 de caractere.
actions-number-invalid = Introduceți un număr.
actions-period-invalid = Sfârșitul perioadei trebuie să fie în aceeași zi cu începutul ei sau după.
actions-escalation-note = { $count ->
    [one] Escaladată: reportată o dată.
    [few] Escaladată: reportată de { $count } ori.
   *[other] Escaladată: reportată de { $count } de ori.
}
actions-perpetrator-refusal = Un agresor nu trebuie trimis la managementul furiei, consiliere de cuplu, mediere sau terapie de familie: acestea pun victima în pericol, iar medierea cu agresorul încalcă Convenția de la Istanbul. Trimiteți-l la un program structurat pentru agresori (preluare, evaluare, lucru individual sau de grup, monitorizare) sau, unde nu există, la consiliere individuală care urmărește încetarea violenței și are în centru siguranța victimei.
actions-notice-assigned = Acțiune pentru instituția dumneavoastră
actions-notice-due-soon = Termen în următoarele 7 zile
actions-overdue = Termen depășit
actions-escalated = Escaladată
actions-action = Acțiune
actions-csv-reference = referință
actions-csv-agency = instituție
actions-csv-person = persoană
actions-csv-kind = tip
actions-csv-action = acțiune
actions-csv-due-on = termen
actions-csv-status = stare
actions-csv-overdue = termen depășit
actions-csv-carried-over = reportări
actions-csv-escalated = escaladată
actions-csv-barrier = barieră
actions-csv-barrier-detail = detalii barieră
actions-csv-created-at = creată la
actions-title = Acțiuni
actions-intro = Acțiunile convenite în cazurile pe care le puteți vedea. Cele cu termen depășit apar primele.
actions-empty = Nicio acțiune nu corespunde filtrelor.
actions-report-title = Raportul acțiunilor
actions-download-csv = Descărcați aceste acțiuni (CSV)
actions-agency = Instituție
actions-any = Oricare
actions-status = Stare
actions-only-overdue = Doar cu termen depășit
actions-filter = Filtrați
actions-due = termen { $date }
actions-carried-over-times = { $count ->
    [one] Reportată o dată
    [few] Reportată de { $count } ori
   *[other] Reportată de { $count } de ori
}
actions-barrier-is = Barieră:
actions-what-is-different-label = Ce este diferit de data aceasta
actions-show-history = Afișați istoricul
actions-hide-history = Ascundeți istoricul
actions-history-because = motiv: { $reason }
actions-history-new-due = termen nou { $date }
actions-updated = Acțiunea a fost actualizată.
actions-update = Actualizați această acțiune
actions-why = De ce
actions-barrier = Barieră
actions-new-due = Termen nou
actions-note = Notă despre progres
actions-unchanged = Neschimbată
actions-why-when = (necesar pentru nerealizată, înlocuită sau un termen nou)
actions-in-the-way = Ce a stat în cale
actions-for-not-done = (pentru nerealizată)
actions-barrier-in-words = Bariera, în cuvinte
actions-in-words-optional = În cuvinte (opțional)
actions-save-update = Salvați actualizarea
actions-kind = Tipul acțiunii
actions-to-be-done = Ce trebuie făcut
actions-due-by = Termen
actions-person = Persoană
actions-agree-title = Conveniți o acțiune
actions-agreed-for = Acțiune convenită pentru { $agency }. Reîncărcați pagina pentru a o vedea în listă.
actions-choose = Alegeți…
actions-nobody = Nimeni anume
actions-different-hint = Se cere doar când același tip de acțiune pentru aceeași instituție s-a încheiat anterior nerealizat.
actions-agree = Conveniți acțiunea
actions-report-from = De la
actions-report-to = Până la
actions-report-show = Afișați
actions-report-completion = Realizare
actions-report-done-of-due = { $due ->
    [one] { $done } din { $due } acțiune cu termen în perioadă a fost realizată
    [few] { $done } din { $due } acțiuni cu termen în perioadă au fost realizate
   *[other] { $done } din { $due } de acțiuni cu termen în perioadă au fost realizate
}
actions-report-median = Timpul median până la realizare
actions-report-days = { $days } zile
actions-report-escalated = Escaladate
actions-report-by-agency = Pe instituții
actions-report-col-due = Cu termen
actions-report-col-done = Realizate
actions-report-col-overdue = Cu termen depășit acum
actions-report-carried-over = Reportări
actions-report-carried = { $count ->
    [one] { $count } acțiune reportată
    [few] { $count } acțiuni reportate
   *[other] { $count } de acțiuni reportate
} { $times ->
    [one] o dată
    [few] de { $times } ori
   *[other] de { $times } de ori
}
actions-report-escalations = Escaladări pentru grupul de coordonare
actions-report-none = Niciuna.
actions-report-col-case = Caz
actions-report-col-reasons = Motive invocate
actions-report-barrier-register = Registrul barierelor
actions-report-no-barriers = Nicio barieră consemnată în perioadă.
actions-report-col-month = Luna
actions-report-col-count = Număr
actions-report-col-in-words = În cuvinte
# The kinds of action, the statuses and the kinds of barrier (labels of the wire values).
actions-kind-safety-planning = Plan de siguranță
actions-kind-police-marker = Semnalare în evidențele poliției
actions-kind-protection-order-support = Sprijin pentru ordinul de protecție
actions-kind-housing = Locuință
actions-kind-perpetrator-programme-referral = Trimitere la un program pentru agresori
actions-kind-child-safeguarding = Protecția copilului
actions-kind-health = Sănătate
actions-kind-mental-health = Sănătate mintală
actions-kind-substance-use = Consum de substanțe
actions-kind-legal-advice = Consiliere juridică
actions-kind-advocate-support = Sprijin din partea consilierului victimei
actions-kind-information-sharing = Schimb de informații
actions-kind-other = Altele
actions-status-open = Deschisă
actions-status-in-progress = În curs
actions-status-done = Realizată
actions-status-not-done-circumstances = Nerealizată – circumstanțele s-au schimbat
actions-status-not-done-agency = Nerealizată – instituția nu a acționat
actions-status-superseded = Înlocuită de o nouă acțiune
actions-barrier-resources-capacity = Resurse sau capacitate
actions-barrier-legal-procedural = Juridică sau procedurală
actions-barrier-information-sharing = Schimbul de informații
actions-barrier-victim-engagement = Implicarea victimei
actions-barrier-inter-agency-communication = Comunicarea între instituții
actions-barrier-other = Alta
