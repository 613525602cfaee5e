api-body-too-large = Cererea este mai mare decât acceptă Convene. Scurtați textul sau împărțiți-l și încercați din nou.
api-field-wrong-type = Acest câmp este obligatoriu sau are un tip greșit ({ $detail }).
api-body-not-this-json = Conținutul cererii nu a putut fi citit ca JSON-ul acestui endpoint: { $detail }.
api-body-not-json = Trimiteți conținutul ca JSON, cu antetul Content-Type: application/json.
api-filter-unreadable = Un filtru nu a putut fi citit: { $detail }.
api-filters-unreadable = Filtrele nu au putut fi citite.
api-websocket-required = Deschideți această adresă ca WebSocket.
api-body-unreadable = Conținutul cererii nu a putut fi citit: { $detail }.
