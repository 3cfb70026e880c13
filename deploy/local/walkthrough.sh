#!/usr/bin/env bash
# walkthrough.sh — the README's "first zaak" walk, as a script, against a running deploy/local/up.sh.
#
#   deploy/local/walkthrough.sh
#
# Publishes a zaaktype in Catalogi, subscribes a small local subscriber to kanaal "zaken" in Notificaties,
# then creates a zaak with a status, a rol and a resultaat, closes it with the eindstatus, shows the closed
# zaak (einddatum, archiefnominatie, archiefactiedatum derived from the resultaattype) and the notifications
# the subscriber received. Every request goes through the gateway with the demo client's token.
#
# Needs curl, openssl (token.sh) and python3 (the subscriber and reading JSON).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gw=${OPENZAAK_PUBLIC_URL:-http://localhost:8000}
sl=http://127.0.0.1:${OPENZAAK_SELECTIELIJST_PORT:-8010}
sub_port=${WALKTHROUGH_SUBSCRIBER_PORT:-8099}
for tool in curl openssl python3; do
  command -v "$tool" >/dev/null || { echo "walkthrough.sh: $tool is needed" >&2; exit 1; }
done
[[ -s $root/.local/demo-secret ]] || { echo "walkthrough.sh: start deploy/local/up.sh first" >&2; exit 1; }

TOKEN=$("$here/token.sh" openzaak-demo "$(cat "$root/.local/demo-secret")")
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# api METHOD PATH [JSON]: prints the response body, fails on a non-2xx answer.
api() {
  local out code
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$gw$2" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -H 'Accept-Crs: EPSG:4326' -H 'Content-Crs: EPSG:4326' ${3:+-d "$3"})
  if [[ $code != 2* ]]; then
    echo "walkthrough.sh: $1 $2 answered $code: $(cat "$out")" >&2
    rm -f "$out"; exit 1
  fi
  cat "$out"; rm -f "$out"
}
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

step "A subscriber on http://127.0.0.1:$sub_port (accepts notifications with Authorization: Bearer demo)"
received=$(mktemp)
python3 - "$sub_port" "$received" <<'PY' &
import http.server, json, sys
port, out = int(sys.argv[1]), sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def body(self):
        if self.headers.get('Transfer-Encoding', '').lower() != 'chunked':
            return self.rfile.read(int(self.headers.get('Content-Length', 0)))
        data = b''
        while True:
            size = int(self.rfile.readline().split(b';')[0], 16)
            data += self.rfile.read(size) if size else b''
            self.rfile.readline()
            if not size:
                return data
    def do_POST(self):
        data = self.body()
        if self.headers.get('Authorization') != 'Bearer demo':   # a subscriber only accepts its own auth (N3)
            self.send_response(403); self.end_headers(); return
        body = json.loads(data or b'{}')
        with open(out, 'a') as f:
            f.write(json.dumps(body) + '\n')
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(('127.0.0.1', port), H).serve_forever()
PY
subscriber=$!
trap 'kill $subscriber 2>/dev/null; rm -f "$received"' EXIT
for _ in $(seq 1 50); do   # until it listens
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$sub_port/" || true) != 000 ]] && break
  sleep 0.2
done
abonnement=$(api POST /notificaties/api/v1/abonnement "{\"callbackUrl\": \"http://127.0.0.1:$sub_port/callback\", \"auth\": \"Bearer demo\",
  \"kanalen\": [{\"naam\": \"zaken\", \"filters\": {}}]}" | field url)
# the abonnement goes when the walk ends, so a next run does not get every notification twice
trap 'api DELETE "${abonnement#"$gw"}" >/dev/null 2>&1 || true; kill $subscriber 2>/dev/null; rm -f "$received"' EXIT
echo "subscribed to kanaal zaken: $abonnement"

step "Catalogi: a catalogus and a published zaaktype with two statustypen, a resultaattype and a roltype"
catalogus=$(api POST /catalogi/api/v1/catalogussen "{\"domein\": \"W$((RANDOM % 9000 + 1000))\", \"rsin\": \"517439943\",
  \"contactpersoonBeheerNaam\": \"Beheer\"}" | field url)
zaaktype=$(api POST /catalogi/api/v1/zaaktypen "{\"identificatie\": \"MELDING-$RANDOM\", \"omschrijving\": \"Melding openbare ruimte\",
  \"vertrouwelijkheidaanduiding\": \"openbaar\", \"doel\": \"Meldingen afhandelen\", \"aanleiding\": \"Een melding\",
  \"indicatieInternOfExtern\": \"extern\", \"handelingInitiator\": \"Melden\", \"onderwerp\": \"Openbare ruimte\",
  \"handelingBehandelaar\": \"Behandelen\", \"doorlooptijd\": \"P30D\", \"opschortingEnAanhoudingMogelijk\": false,
  \"verlengingMogelijk\": false, \"publicatieIndicatie\": false, \"productenOfDiensten\": [],
  \"selectielijstProcestype\": \"$sl/api/v1/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d\",
  \"referentieproces\": {\"naam\": \"Melding\"}, \"verantwoordelijke\": \"Gemeente\", \"catalogus\": \"$catalogus\",
  \"besluittypen\": [], \"deelzaaktypen\": [], \"gerelateerdeZaaktypen\": [], \"beginGeldigheid\": \"2024-01-01\",
  \"versiedatum\": \"2024-01-01\"}" | field url)
ontvangen=$(api POST /catalogi/api/v1/statustypen "{\"zaaktype\": \"$zaaktype\", \"omschrijving\": \"Ontvangen\", \"volgnummer\": 1}" | field url)
afgehandeld=$(api POST /catalogi/api/v1/statustypen "{\"zaaktype\": \"$zaaktype\", \"omschrijving\": \"Afgehandeld\", \"volgnummer\": 2}" | field url)
resultaattype=$(api POST /catalogi/api/v1/resultaattypen "{\"zaaktype\": \"$zaaktype\", \"omschrijving\": \"Opgelost\",
  \"resultaattypeomschrijving\": \"$sl/api/v1/resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3\",
  \"selectielijstklasse\": \"$sl/api/v1/resultaten/cc5ae4e3-a9e6-4386-bcee-46be4986a829\", \"archiefnominatie\": \"vernietigen\",
  \"archiefactietermijn\": \"P10Y\", \"brondatumArchiefprocedure\": {\"afleidingswijze\": \"afgehandeld\"}}" | field url)
roltype=$(api POST /catalogi/api/v1/roltypen "{\"zaaktype\": \"$zaaktype\", \"omschrijving\": \"Melder\", \"omschrijvingGeneriek\": \"initiator\"}" | field url)
api POST "${zaaktype#"$gw"}/publish" '{}' >/dev/null
echo "zaaktype $zaaktype (published)"

step "Zaken: a zaak, its first status, the melder as rol"
zaak=$(api POST /zaken/api/v1/zaken "{\"bronorganisatie\": \"517439943\", \"verantwoordelijkeOrganisatie\": \"517439943\",
  \"zaaktype\": \"$zaaktype\", \"startdatum\": \"$(date +%F)\", \"omschrijving\": \"Losliggende stoeptegel\",
  \"zaakgeometrie\": {\"type\": \"Point\", \"coordinates\": [5.1214, 52.0907]}}")
zaak_url=$(field url <<<"$zaak")
echo "zaak $(field identificatie <<<"$zaak"): $zaak_url"
api POST /zaken/api/v1/statussen "{\"zaak\": \"$zaak_url\", \"statustype\": \"$ontvangen\", \"datumStatusGezet\": \"$(date -u +%FT%TZ)\"}" >/dev/null
api POST /zaken/api/v1/rollen "{\"zaak\": \"$zaak_url\", \"roltype\": \"$roltype\", \"betrokkeneType\": \"natuurlijk_persoon\",
  \"roltoelichting\": \"Melder\", \"betrokkeneIdentificatie\": {\"inpBsn\": \"111222333\", \"geslachtsnaam\": \"Jansen\"}}" >/dev/null
echo "status Ontvangen and rol Melder added"

step "Resultaat, then the eindstatus closes the zaak"
api POST /zaken/api/v1/resultaten "{\"zaak\": \"$zaak_url\", \"resultaattype\": \"$resultaattype\", \"toelichting\": \"Tegel vastgezet\"}" >/dev/null
sleep 1
api POST /zaken/api/v1/statussen "{\"zaak\": \"$zaak_url\", \"statustype\": \"$afgehandeld\", \"datumStatusGezet\": \"$(date -u +%FT%TZ)\"}" >/dev/null
api GET "${zaak_url#"$gw"}" | python3 -c 'import json,sys; z=json.load(sys.stdin); print("\n".join(f"{k}: {z[k]}" for k in ("identificatie","einddatum","archiefnominatie","archiefactiedatum","status","resultaat")))'

step "Notifications received by the subscriber"
for _ in $(seq 1 30); do
  [[ $(grep -c '"kanaal": "zaken"' "$received" || true) -ge 6 ]] && break
  sleep 1
done
python3 -c 'import json,sys
for line in open(sys.argv[1]):
    n = json.loads(line)
    if n.get("kanaal") == "zaken" and n.get("hoofdObject") == sys.argv[2]:
        print(n["actie"].ljust(8), n["resource"].ljust(10), n["resourceUrl"])' "$received" "$zaak_url"
