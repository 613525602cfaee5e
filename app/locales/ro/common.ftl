common-app-name = Convene
common-skip-link = Salt la conținutul principal
common-nav-home = Acasă
common-nav-cases = Cazuri
common-nav-meetings = Ședințe
common-nav-actions = Acțiuni
common-nav-reports = Rapoarte
common-nav-agencies = Instituții
common-nav-users = Utilizatori
common-nav-audit = Jurnal de audit
common-nav-settings = Setări
common-nav-outbox = Mesaje trimise
common-nav-account = Contul dumneavoastră
common-sign-out = Deconectare
common-signing-out = Se deconectează…
common-loading = Se încarcă…
common-saving = Se salvează…
common-error-summary-title = Există o problemă
common-not-found-title = Pagina nu a fost găsită
common-not-found-body = Nu am găsit această pagină. Dacă ați scris adresa, verificați dacă este corectă. Dacă ați urmat un link, înregistrarea poate să fi fost ștearsă sau poate nu aveți acces la ea.
common-forbidden-title = Nu aveți acces la această pagină
common-forbidden-body = Rolul dumneavoastră nu permite acest lucru. Dacă credeți că aveți nevoie de acces, adresați-vă coordonatorului sau administratorului grupului.
common-back-home = Mergeți la pagina de start
common-yes = Da
common-no = Nu
common-active = Activ
common-inactive = Inactiv
common-optional = (opțional)
common-error-not-signed-in = Autentificați-vă pentru a continua.
common-error-forbidden = Nu aveți permisiunea să faceți acest lucru.
common-error-not-found = Nu am găsit ce căutați.
common-error-validation = Unele răspunsuri trebuie corectate.
common-error-rate-limited = Prea multe încercări. Așteptați puțin și încercați din nou. Puteți încerca din nou peste { $count ->
    [one] { $count } secundă
    [few] { $count } secunde
   *[other] { $count } de secunde
}.
common-error-unavailable = Convene nu a putut fi contactat. Verificați conexiunea și încercați din nou.
common-error-internal = Ceva nu a funcționat la noi. Nu s-a salvat nimic. Încercați din nou și anunțați administratorul dacă problema se repetă.
common-error-form-incomplete = Formularul nu era complet. Reîncărcați pagina și încercați din nou.
common-error-prefix = Eroare:
common-nav-label = Principal
language-name = Română
common-signed-in-as = Conectat ca { $name }
common-cases-count = { $count ->
    [one] { $count } caz
    [few] { $count } cazuri
   *[other] { $count } de cazuri
}
common-language = Limba
users-language-unknown = Alegeți una dintre limbile din listă.
common-body-invalid = Trimiteți formularul din nou: ce a sosit nu a putut fi citit.
time-date-time = %d.%m.%Y, %H:%M %Z
time-date = %d.%m.%Y
