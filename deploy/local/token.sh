#!/usr/bin/env bash
# token.sh — mint a ZGW JWT (HS256) for a client, for trying the APIs by hand.
#
#   deploy/local/token.sh CLIENT_ID SECRET [USER_ID] [USER_REPRESENTATION]
#
# Prints the token (header.payload.signature, base64url without padding). Claims, as the ZGW
# standard wants them: iss (= CLIENT_ID), iat (now), client_id, user_id, user_representation
# (USER_ID defaults to "demo", USER_REPRESENTATION to "Demo gebruiker"). There is no exp: the
# services take iat + their configured lifetime (default 1 hour), so mint a new one after that.
#
#   TOKEN=$(deploy/local/token.sh openzaak-demo "$(cat .local/demo-secret)")
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8000/zaken/api/v1/zaken
#
# Needs openssl. Note: the secret is passed to openssl on its command line (visible in `ps`);
# fine for a local demo secret, not for production credentials.
set -euo pipefail

if (( $# < 2 || $# > 4 )); then
  sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
command -v openssl >/dev/null || { echo "token.sh: openssl is needed (apt-get install openssl)" >&2; exit 1; }

client_id=$1 secret=$2 user_id=${3:-demo} user_repr=${4:-Demo gebruiker}

# base64url without padding (RFC 7515), from stdin.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# JSON string literal of $1.
json_str() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

header='{"alg":"HS256","typ":"JWT"}'
payload=$(printf '{"iss":%s,"iat":%s,"client_id":%s,"user_id":%s,"user_representation":%s}' \
  "$(json_str "$client_id")" "$(date +%s)" "$(json_str "$client_id")" \
  "$(json_str "$user_id")" "$(json_str "$user_repr")")

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
