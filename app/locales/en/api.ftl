api-body-too-large = The request is larger than Convene accepts. Shorten the text or split it, and try again.
api-field-wrong-type = This field is required or has the wrong type ({ $detail }).
api-body-not-this-json = The request body could not be read as this endpoint's JSON: { $detail }.
api-body-not-json = Send the body as JSON with the header Content-Type: application/json.
api-filter-unreadable = A filter could not be read: { $detail }.
api-filters-unreadable = The filters could not be read.
api-websocket-required = Open this address as a WebSocket.
api-body-unreadable = The request body could not be read: { $detail }.
