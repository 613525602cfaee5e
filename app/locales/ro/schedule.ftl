schedule-status-cancelled = Anulată
schedule-error-cancelled = Această ședință a fost anulată: nu mai poate fi modificată sau începută.
schedule-reason-required = Precizați motivul: îl vor afla toți cei invitați.
schedule-reason-too-long = Motivul poate avea cel mult { $max } de caractere.
schedule-when-past = Alegeți o oră care nu a trecut încă.
schedule-date-past = Alegeți ziua de azi sau o dată ulterioară.
schedule-weekday-invalid = Alegeți din listă o zi a săptămânii.
schedule-move-not-now = O ședință începută sau deja ținută nu poate fi mutată sau anulată.
schedule-series-ended = Această serie s-a încheiat: nu mai poate fi modificată după ultima ei zi.
schedule-change-moved = Ședința a fost mutată de la { $from } la { $to }: { $reason }
schedule-change-cancelled = Ședința a fost anulată: { $reason }
schedule-item-moved = Mutat la ședința următoare: ședința din { $date } a fost anulată.
schedule-change-cases-arrived = { $count ->
    [one] { $count } caz a venit de la ședința anulată din { $date }.
    [few] { $count } cazuri au venit de la ședința anulată din { $date }.
   *[other] { $count } de cazuri au venit de la ședința anulată din { $date }.
}
schedule-series-changed-reason = Seria s-a schimbat și nu se mai întrunește în această zi.
schedule-series-ended-reason = Seria s-a încheiat.
schedule-late-not-published = Documentarea întârziată se urmărește după publicarea ordinii de zi.
schedule-late-none = Toate instituțiile au trimis documentarea pentru toate cazurile.
schedule-move-title = Mutați o ședință
schedule-move-intro = Toți cei invitați sunt anunțați, cu motivul și cu evenimentul din calendar actualizat. Ședințele începute sau deja ținute nu pot fi mutate.
schedule-which-meeting = Ședința
schedule-move-starts = Data și ora noi
schedule-move-starts-hint = Ora locală a grupului.
schedule-move-length = Durata în minute
schedule-move-place = Locul
schedule-move-place-hint = Lăsați gol pentru a păstra locul.
schedule-move-reason = Motivul mutării
schedule-reason-hint = Cel mult 300 de caractere. Nu numiți pe nimeni: motivul ajunge la toți membrii.
schedule-move-submit = Mutați ședința
schedule-moved-done = Ședința a fost mutată, iar toți cei invitați sunt anunțați:
schedule-cancel-title = Anulați o ședință
schedule-cancel-intro = Ședința rămâne în calendar ca anulată. Cazurile și acțiunile ei nefinalizate trec la următoarea ședință a grupului, iar toți cei invitați sunt anunțați.
schedule-cancel-reason = Motivul anulării
schedule-cancel-submit = Anulați ședința
schedule-cancelled-done = Ședința a fost anulată. Puncte mutate de pe ordinea de zi: { $items }; acțiuni nefinalizate mutate: { $actions }.
schedule-next-meeting = Deschideți ședința următoare
schedule-weekday-1 = Luni
schedule-weekday-2 = Marți
schedule-weekday-3 = Miercuri
schedule-weekday-4 = Joi
schedule-weekday-5 = Vineri
schedule-weekday-6 = Sâmbătă
schedule-weekday-7 = Duminică
schedule-series-from = Începând din această zi
schedule-series-every = O dată la câte săptămâni
schedule-series-weekday = Ziua săptămânii
schedule-series-same = Ca până acum
schedule-series-time = Ora de început
schedule-series-last-day = Ultima zi a seriei
schedule-which-series = Seria
schedule-series-change-title = Modificați o serie
schedule-series-change-intro = Din ziua aleasă, ședințele în lucru ale seriei primesc noul ritm, noua oră sau noul loc. Ședințele cu ordinea de zi deja publicată rămân neschimbate și sunt enumerate, ca să le mutați pe rând. Câmpurile goale rămân ca până acum.
schedule-series-change-submit = Modificați seria
schedule-series-end-title = Încheiați o serie
schedule-series-end-intro = După ultima zi nu se mai programează nicio ședință. Ședințele în lucru de după ea sunt anulate; cele deja publicate rămân și sunt enumerate.
schedule-series-end-submit = Încheiați seria
schedule-series-done = Reprogramate: { $rescheduled }; anulate: { $cancelled }; programate acum: { $scheduled }.
schedule-series-kept = Deja publicate, rămase neschimbate:
schedule-late-title = Documentare întârziată
schedule-late-intro = Aceste instituții nu au trimis încă documentarea pentru aceste cazuri.
schedule-late-overdue = Termenul documentării a trecut, iar aceste instituții nu au trimis-o pentru aceste cazuri.
schedule-late-agency = Instituția
schedule-late-cases = Cazuri
schedule-late-remind = Trimiteți o singură reamintire tuturor
schedule-late-reminded = { $count ->
    [one] S-a trimis o reamintire reprezentanților permanenți ai unei instituții.
    [few] S-a trimis o reamintire reprezentanților permanenți ai celor { $count } instituții.
   *[other] S-a trimis o reamintire reprezentanților permanenți ai celor { $count } de instituții.
}
