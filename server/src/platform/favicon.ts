// /favicon.ico: a 32×32 icon (a white house on the brand blue, PNG inside an ICO) so browsers find one without a
// build step; an H5 build's own favicon.ico, if it has one, wins.
export const faviconIco = Buffer.from('AAABAAEAICAAAAEAIACXAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAF5JREFUeNrt1sEJACAIhWGnaLv2bas6dQmiNDWj90M3oQ9PEk1KuVTNR9wAAMANoP0RG/Y0oHcFMOYKmOUCWGUK2M0EwE0VIE0FcNr7GwgLkMwAAAAAMS8iXMUAfA9odTfSrQu4psAAAAAASUVORK5CYII=', 'base64')
