{{/*
Names. Resource names are <fullname>-<component>; fullname is cut at 42 characters so that the longest
name, <fullname>-notificaties-migrate, stays within 63.
*/}}
{{- define "openzaak.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "openzaak.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 42 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 42 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 42 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "openzaak.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The six services (the gateway is not one of them), in the port order of deploy/local/up.sh. */}}
{{- define "openzaak.serviceKeys" -}}
zaken catalogi documenten besluiten autorisaties notificaties
{{- end }}

{{/* The gateway and the six services. */}}
{{- define "openzaak.componentKeys" -}}
gateway {{ include "openzaak.serviceKeys" . }}
{{- end }}

{{/* <fullname>-<key>; argument: dict root key */}}
{{- define "openzaak.componentName" -}}
{{- printf "%s-%s" (include "openzaak.fullname" .root) .key }}
{{- end }}

{{/* Labels that select one component's pods; argument: dict root key */}}
{{- define "openzaak.selectorLabels" -}}
app.kubernetes.io/name: {{ include "openzaak.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .key }}
app.kubernetes.io/component: {{ .key }}
{{- end }}
{{- end }}

{{/* Labels of every resource; argument: dict root key (key may be "") */}}
{{- define "openzaak.labels" -}}
helm.sh/chart: {{ include "openzaak.chart" .root }}
{{ include "openzaak.selectorLabels" . }}
app.kubernetes.io/part-of: openzaak
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* <registry>/<repository>:<tag> of a component; argument: dict root key */}}
{{- define "openzaak.image" -}}
{{- $c := index .root.Values .key }}
{{- $repo := $c.image.repository }}
{{- if .root.Values.image.registry }}
{{- $repo = printf "%s/%s" (trimSuffix "/" .root.Values.image.registry) $repo }}
{{- end }}
{{- $tag := $c.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- printf "%s:%s" $repo (toString $tag) }}
{{- end }}

{{/* The public base URL (Zgw:PublicBaseUrl), without a trailing slash; argument: root */}}
{{- define "openzaak.publicBaseUrl" -}}
{{- if .Values.publicBaseUrl }}
{{- trimSuffix "/" .Values.publicBaseUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- $tls := false }}
{{- range .Values.ingress.tls }}
{{- if has $host (.hosts | default list) }}{{ $tls = true }}{{ end }}
{{- end }}
{{- printf "%s://%s" (ternary "https" "http" $tls) $host }}
{{- else }}
{{- print "http://localhost:8000" }}
{{- end }}
{{- end }}

{{/* A vendor's address without a trailing /<key>/api/v1; argument: dict url key */}}
{{- define "openzaak.externalBase" -}}
{{- trimSuffix (printf "/%s/api/v1" .key) (trimSuffix "/" .url) }}
{{- end }}

{{/*
Where the other processes reach a service (Zgw:Services:<key>:InternalUrl): its Kubernetes Service when
enabled, the vendor's externalUrl when disabled with one, else nothing. Argument: dict root key
*/}}
{{- define "openzaak.internalUrl" -}}
{{- $c := index .root.Values .key }}
{{- if $c.enabled }}
{{- printf "http://%s:%s" (include "openzaak.componentName" .) (include "openzaak.scalar" $c.service.port) }}
{{- else if $c.externalUrl }}
{{- include "openzaak.externalBase" (dict "url" $c.externalUrl "key" .key) }}
{{- end }}
{{- end }}

{{/*
A configuration value as the text of an environment variable. Numbers from values files are float64
(as in Helm): whole ones are printed without an exponent (20971520, not 2.097152e+07).
*/}}
{{- define "openzaak.scalar" -}}
{{- if kindIs "float64" . }}
{{- if eq . (float64 (int64 .)) }}{{ int64 . }}{{ else }}{{ . }}{{ end }}
{{- else if kindIs "invalid" . }}
{{- else }}
{{- toString . }}
{{- end }}
{{- end }}

{{/*
Flattens a value in configuration shape into out (a dict of variable name -> text): maps by key, lists by
index, joined with "__" (ASP.NET's separator for ":"); nulls are skipped. Argument: dict prefix value out
*/}}
{{- define "openzaak.flatten" -}}
{{- $prefix := .prefix }}
{{- $out := .out }}
{{- if kindIs "map" .value }}
{{- range $k, $v := .value }}
{{- include "openzaak.flatten" (dict "prefix" (ternary $k (printf "%s__%s" $prefix $k) (eq $prefix "")) "value" $v "out" $out) }}
{{- end }}
{{- else if kindIs "slice" .value }}
{{- range $i, $v := .value }}
{{- include "openzaak.flatten" (dict "prefix" (printf "%s__%d" $prefix $i) "value" $v "out" $out) }}
{{- end }}
{{- else if not (kindIs "invalid" .value) }}
{{- $_ := set $out $prefix (include "openzaak.scalar" .value) }}
{{- end }}
{{- end }}

{{/* Sets out[name] when value is set (not null, not ""); argument: dict out name value */}}
{{- define "openzaak.setIf" -}}
{{- if not (or (kindIs "invalid" .value) (and (kindIs "string" .value) (eq .value ""))) }}
{{- $_ := set .out .name (include "openzaak.scalar" .value) }}
{{- end }}
{{- end }}

{{/* The Secret with the service identities' secrets; argument: root */}}
{{- define "openzaak.identitiesSecret" -}}
{{- .Values.serviceIdentities.existingSecret | default (printf "%s-service-identities" (include "openzaak.fullname" .)) }}
{{- end }}

{{/* The components that have an identity: the gateway and every enabled service (space-separated); argument: root */}}
{{- define "openzaak.identityKeys" -}}
{{- $keys := list "gateway" }}
{{- range $key := splitList " " (include "openzaak.serviceKeys" .) }}
{{- if (index $.Values $key).enabled }}{{ $keys = append $keys $key }}{{ end }}
{{- end }}
{{- join " " $keys }}
{{- end }}

{{/* A secretKeyRef env entry; argument: dict name secret key */}}
{{- define "openzaak.secretEnv" -}}
{{- toJson (dict "name" .name "valueFrom" (dict "secretKeyRef" (dict "name" .secret "key" .key))) }}
{{- end }}

{{/*
The environment of a component's container: every configuration setting the chart sets, as variables.
Order of precedence (last wins): global `config`, the component's `config`, the chart's explicit values,
global `env`, the component's `env`. Generated variables come sorted by name (so K8S_* precede the
OTEL_RESOURCE_ATTRIBUTES that refers to them), then global `env` and the component's `env` in their own
order; a name appears once. Argument: dict root key mode ("app" | "migrate").
*/}}
{{- define "openzaak.env" -}}
{{- $root := .root }}
{{- $V := .root.Values }}
{{- $key := .key }}
{{- $c := index $V $key }}
{{- $isService := ne $key "gateway" }}
{{- $plain := dict }}
{{- $refs := dict }}
{{- $_ := set $plain "ASPNETCORE_ENVIRONMENT" $V.aspnetcoreEnvironment }}
{{- range $cat, $level := $V.logLevel }}
{{- $_ := set $plain (printf "Logging__LogLevel__%s" $cat) (include "openzaak.scalar" $level) }}
{{- end }}
{{- /* Connection strings */}}
{{- if $isService }}
{{- $_ := set $refs "ConnectionStrings__Database" (include "openzaak.secretEnv" (dict "name" "ConnectionStrings__Database" "secret" ($c.database.existingSecret | default $V.database.existingSecret) "key" ($c.database.key | default $V.database.key))) }}
{{- end }}
{{- if or $isService $V.rabbitmq.gateway }}
{{- $_ := set $refs "ConnectionStrings__RabbitMq" (include "openzaak.secretEnv" (dict "name" "ConnectionStrings__RabbitMq" "secret" $V.rabbitmq.existingSecret "key" $V.rabbitmq.key)) }}
{{- end }}
{{- if eq .mode "migrate" }}
{{- $_ := set $plain "Database__MigrateOnStartup" "false" }}
{{- else }}
{{- /* Configuration in configuration shape: global, then the component's */}}
{{- include "openzaak.flatten" (dict "prefix" "" "value" $V.config "out" $plain) }}
{{- include "openzaak.flatten" (dict "prefix" "" "value" $c.config "out" $plain) }}
{{- $_ := set $plain "ASPNETCORE_HTTP_PORTS" (include "openzaak.scalar" $c.containerPort) }}
{{- $_ := set $plain "Zgw__PublicBaseUrl" (include "openzaak.publicBaseUrl" $root) }}
{{- /* Siblings */}}
{{- range $s := splitList " " (include "openzaak.serviceKeys" $root) }}
{{- $sc := index $V $s }}
{{- $url := include "openzaak.internalUrl" (dict "root" $root "key" $s) }}
{{- if and $url (or $sc.enabled $isService $V.gateway.routeExternal) }}
{{- $_ := set $plain (printf "Zgw__Services__%s__InternalUrl" $s) $url }}
{{- end }}
{{- end }}
{{- /* Shared settings */}}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__Jwt__Leeway" "value" $V.jwt.leeway) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__Jwt__DefaultLifetime" "value" $V.jwt.defaultLifetime) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__Autorisaties__CacheDuration" "value" $V.autorisatiesCache.cacheDuration) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__Autorisaties__NegativeCacheDuration" "value" $V.autorisatiesCache.negativeCacheDuration) }}
{{- $vendorAc := and (not $V.autorisaties.enabled) (not (empty $V.autorisaties.externalUrl)) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__Autorisaties__Source" "value" ($V.autorisatiesCache.source | default (ternary "Standard" "" $vendorAc))) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__MaxJsonBodyBytes" "value" $V.maxJsonBodyBytes) }}
{{- include "openzaak.flatten" (dict "prefix" "Zgw__Resilience" "value" $V.resilience "out" $plain) }}
{{- if $V.telemetry.tracing }}
{{- $_ := set $plain "Zgw__Telemetry__Tracing" "true" }}
{{- end }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "OTEL_EXPORTER_OTLP_ENDPOINT" "value" $V.telemetry.otlpEndpoint) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "OTEL_EXPORTER_OTLP_PROTOCOL" "value" $V.telemetry.otlpProtocol) }}
{{- with $V.telemetry.otlpHeadersSecret }}
{{- if .name }}
{{- $_ := set $refs "OTEL_EXPORTER_OTLP_HEADERS" (include "openzaak.secretEnv" (dict "name" "OTEL_EXPORTER_OTLP_HEADERS" "secret" .name "key" .key)) }}
{{- end }}
{{- end }}
{{- if $V.telemetry.kubernetesResourceAttributes }}
{{- $_ := set $refs "K8S_POD_NAME" (toJson (dict "name" "K8S_POD_NAME" "valueFrom" (dict "fieldRef" (dict "fieldPath" "metadata.name")))) }}
{{- $_ := set $refs "K8S_NAMESPACE_NAME" (toJson (dict "name" "K8S_NAMESPACE_NAME" "valueFrom" (dict "fieldRef" (dict "fieldPath" "metadata.namespace")))) }}
{{- $_ := set $refs "K8S_NODE_NAME" (toJson (dict "name" "K8S_NODE_NAME" "valueFrom" (dict "fieldRef" (dict "fieldPath" "spec.nodeName")))) }}
{{- $_ := set $plain "OTEL_RESOURCE_ATTRIBUTES" (printf "k8s.pod.name=$(K8S_POD_NAME),k8s.namespace.name=$(K8S_NAMESPACE_NAME),k8s.node.name=$(K8S_NODE_NAME),k8s.deployment.name=%s" (include "openzaak.componentName" (dict "root" $root "key" $key))) }}
{{- end }}
{{- /* Messaging: every process with a broker */}}
{{- if or $isService $V.rabbitmq.gateway }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__QuorumQueues" "value" $V.messaging.quorumQueues) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__RelayEnabled" "value" $V.messaging.relayEnabled) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__RelayBatchSize" "value" $V.messaging.relayBatchSize) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__RelayPollInterval" "value" $V.messaging.relayPollInterval) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__RelayMaxBackoff" "value" $V.messaging.relayMaxBackoff) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__PublishTimeout" "value" $V.messaging.publishTimeout) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__OutboxRetention" "value" $V.messaging.outboxRetention) }}
{{- end }}
{{- /* Notifications over HTTP (ARCHITECTURE §11.6) by default when Notificaties is a vendor's */}}
{{- if $isService }}
{{- $external := and (not $V.notificaties.enabled) (not (empty $V.notificaties.externalUrl)) }}
{{- $transport := $V.messaging.notificatieTransport | default (ternary "Http" "" $external) }}
{{- if and (eq $transport "Http") (not $V.notificaties.enabled) (empty $V.notificaties.externalUrl) }}
{{- fail "messaging.notificatieTransport is Http, but notificaties is disabled without an externalUrl to post to" }}
{{- end }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Messaging__NotificatieTransport" "value" $transport) }}
{{- end }}
{{- /* References (services) */}}
{{- if $isService }}
{{- $_ := set $plain "Database__MigrateOnStartup" (ternary "false" (toString $V.migrateOnStartup) $V.migrations.enabled) }}
{{- $hosts := list }}
{{- range $V.references.allowedHosts }}{{ $hosts = append $hosts . }}{{ end }}
{{- range $c.references.allowedHosts }}{{ $hosts = append $hosts . }}{{ end }}
{{- if and (eq $key "catalogi") $c.selectielijstApiRoot }}{{ $hosts = append $hosts (urlParse $c.selectielijstApiRoot).host }}{{ end }}
{{- if and (eq $key "zaken") $c.referentielijstenApiRoot }}{{ $hosts = append $hosts (urlParse $c.referentielijstenApiRoot).host }}{{ end }}
{{- range $s := splitList " " (include "openzaak.serviceKeys" $root) }}
{{- $sc := index $V $s }}
{{- if and (not $sc.enabled) $sc.externalUrl }}{{ $hosts = append $hosts (urlParse $sc.externalUrl).host }}{{ end }}
{{- end }}
{{- range $i, $h := uniq $hosts }}
{{- $_ := set $plain (printf "Zgw__References__AllowedHosts__%d" $i) $h }}
{{- end }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__References__CacheDuration" "value" $V.references.cacheDuration) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zgw__References__MaxResponseBytes" "value" $V.references.maxResponseBytes) }}
{{- include "openzaak.flatten" (dict "prefix" "Zgw__References__Resilience" "value" $V.references.resilience "out" $plain) }}
{{- end }}
{{- /* The component's own settings */}}
{{- if eq $key "gateway" }}
{{- $_ := set $plain "Gateway__ExposeAdminApi" (toString $c.exposeAdminApi) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Gateway__MaxRequestBodyBytes" "value" $c.maxRequestBodyBytes) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Gateway__MaxUploadBodyBytes" "value" $c.maxUploadBodyBytes) }}
{{- range $i, $o := $c.cors.allowedOrigins }}
{{- $_ := set $plain (printf "Gateway__Cors__AllowedOrigins__%d" $i) $o }}
{{- end }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Gateway__RateLimit__PermitsPerWindow" "value" $c.rateLimit.permitsPerWindow) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Gateway__RateLimit__Window" "value" $c.rateLimit.window) }}
{{- else if eq $key "zaken" }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zaken__ReferentielijstenApiRoot" "value" $c.referentielijstenApiRoot) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zaken__MirrorGracePeriod" "value" $c.mirrorGracePeriod) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zaken__ReconcileInterval" "value" $c.reconcileInterval) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Zaken__TellingCompactInterval" "value" $c.tellingCompactInterval) }}
{{- include "openzaak.flatten" (dict "prefix" "Zaken__Mirror__Resilience" "value" $c.mirrorResilience "out" $plain) }}
{{- else if eq $key "catalogi" }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Catalogi__SelectielijstApiRoot" "value" $c.selectielijstApiRoot) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Catalogi__StrictPublish" "value" $c.strictPublish) }}
{{- else if eq $key "documenten" }}
{{- $_ := set $plain "Documenten__Storage__Path" $c.persistence.mountPath }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Documenten__BestandsdeelGrootte" "value" $c.bestandsdeelGrootte) }}
{{- include "openzaak.flatten" (dict "prefix" "Documenten__Bronnen__Resilience" "value" $c.bronnenResilience "out" $plain) }}
{{- else if eq $key "besluiten" }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Besluiten__MirrorGracePeriod" "value" $c.mirrorGracePeriod) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Besluiten__ReconcileInterval" "value" $c.reconcileInterval) }}
{{- include "openzaak.flatten" (dict "prefix" "Besluiten__Mirror__Resilience" "value" $c.mirrorResilience "out" $plain) }}
{{- else if eq $key "autorisaties" }}
{{- if $c.credentialKey.existingSecret }}
{{- $_ := set $refs "Autorisaties__CredentialKey" (include "openzaak.secretEnv" (dict "name" "Autorisaties__CredentialKey" "secret" $c.credentialKey.existingSecret "key" $c.credentialKey.key)) }}
{{- end }}
{{- else if eq $key "notificaties" }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Notificaties__VerifyCallback" "value" $c.verifyCallback) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Notificaties__VerifyCallbackAuth" "value" $c.verifyCallbackAuth) }}
{{- include "openzaak.setIf" (dict "out" $plain "name" "Notificaties__Queue" "value" $c.queue) }}
{{- range $k, $v := $c.delivery }}
{{- include "openzaak.setIf" (dict "out" $plain "name" (printf "Notificaties__Delivery__%s" (title $k)) "value" $v) }}
{{- end }}
{{- end }}
{{- if and (has $key (list "autorisaties" "notificaties")) $V.adminKey.existingSecret }}
{{- $_ := set $refs "OPENZAAK_ADMIN_KEY" (include "openzaak.secretEnv" (dict "name" "OPENZAAK_ADMIN_KEY" "secret" $V.adminKey.existingSecret "key" $V.adminKey.key)) }}
{{- end }}
{{- /* Service identities: every identity known (Zgw:Clients), this process's own (Zgw:ServiceIdentity) */}}
{{- $idSecret := include "openzaak.identitiesSecret" $root }}
{{- $n := 0 }}
{{- range $id := splitList " " (include "openzaak.identityKeys" $root) }}
{{- $clientId := printf "%s%s" $V.serviceIdentities.clientIdPrefix $id }}
{{- $p := printf "Zgw__Clients__%d__" $n }}
{{- $_ := set $plain (print $p "ClientId") $clientId }}
{{- $_ := set $plain (print $p "Label") $clientId }}
{{- $_ := set $refs (print $p "Secret") (include "openzaak.secretEnv" (dict "name" (print $p "Secret") "secret" $idSecret "key" $id)) }}
{{- if has $id (list "zaken" "documenten" "besluiten") }}
{{- $_ := set $plain (print $p "HeeftAlleAutorisaties") "true" }}
{{- else }}
{{- $_ := set $plain (print $p "Autorisaties__0__Component") "ac" }}
{{- $_ := set $plain (print $p "Autorisaties__0__Scopes__0") "autorisaties.credentials.lezen" }}
{{- $_ := set $plain (print $p "Autorisaties__1__Component") "nrc" }}
{{- $_ := set $plain (print $p "Autorisaties__1__Scopes__0") "notificaties.publiceren" }}
{{- end }}
{{- $n = add1 $n }}
{{- end }}
{{- range $client := $V.clients }}
{{- $p := printf "Zgw__Clients__%d__" $n }}
{{- $_ := set $plain (print $p "ClientId") (required "clients[].clientId is required" $client.clientId) }}
{{- $_ := set $plain (print $p "Label") ($client.label | default $client.clientId) }}
{{- if $client.heeftAlleAutorisaties }}
{{- $_ := set $plain (print $p "HeeftAlleAutorisaties") "true" }}
{{- end }}
{{- include "openzaak.flatten" (dict "prefix" (print $p "Autorisaties") "value" $client.autorisaties "out" $plain) }}
{{- $from := required "clients[].secretFrom {name, key} is required" $client.secretFrom }}
{{- $_ := set $refs (print $p "Secret") (include "openzaak.secretEnv" (dict "name" (print $p "Secret") "secret" $from.name "key" $from.key)) }}
{{- $n = add1 $n }}
{{- end }}
{{- if (index $V $key).enabled }}
{{- $_ := set $plain "Zgw__ServiceIdentity__ClientId" (printf "%s%s" $V.serviceIdentities.clientIdPrefix $key) }}
{{- $_ := set $refs "Zgw__ServiceIdentity__Secret" (include "openzaak.secretEnv" (dict "name" "Zgw__ServiceIdentity__Secret" "secret" $idSecret "key" $key)) }}
{{- end }}
{{- end }}
{{- /* Emit: generated (sorted), then global env, then the component's env; each name once */}}
{{- $userEnv := ternary $V.migrations.env $c.env (eq .mode "migrate") | default list }}
{{- $globalEnv := ternary list $V.env (eq .mode "migrate") | default list }}
{{- $taken := dict }}
{{- range $userEnv }}{{ $_ := set $taken .name true }}{{ end }}
{{- $keptGlobal := list }}
{{- range $globalEnv }}
{{- if not (hasKey $taken .name) }}{{ $keptGlobal = append $keptGlobal . }}{{ end }}
{{- end }}
{{- range $keptGlobal }}{{ $_ := set $taken .name true }}{{ end }}
{{- $out := list }}
{{- range $name := keys (merge (dict) $plain $refs) | sortAlpha }}
{{- if not (hasKey $taken $name) }}
{{- if hasKey $refs $name }}
{{- $out = append $out (fromJson (get $refs $name)) }}
{{- else }}
{{- $out = append $out (dict "name" $name "value" (get $plain $name)) }}
{{- end }}
{{- end }}
{{- end }}
{{- concat $out $keptGlobal $userEnv | toYaml }}
{{- end }}

{{/* Pod-level settings shared by Deployments and Jobs; argument: dict root key */}}
{{- define "openzaak.podSpecCommon" -}}
{{- $V := .root.Values -}}
automountServiceAccountToken: false
# No variables for every Service of the namespace: ASP.NET would read them all as configuration.
enableServiceLinks: false
{{- with $V.serviceAccountName }}
serviceAccountName: {{ . }}
{{- end }}
securityContext: {{- toYaml $V.podSecurityContext | nindent 2 }}
{{- with $V.image.pullSecrets }}
imagePullSecrets: {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The image pull policy of a component; argument: dict root key */}}
{{- define "openzaak.pullPolicy" -}}
{{- (index .root.Values .key).image.pullPolicy | default .root.Values.image.pullPolicy }}
{{- end }}

{{/* A probe; argument: dict root key kind (liveness | readiness | startup) path */}}
{{- define "openzaak.probe" -}}
{{- $c := index .root.Values .key }}
{{- $timing := index .root.Values.probes .kind }}
{{- $own := index ($c.probes | default dict) .kind | default dict -}}
httpGet:
  path: {{ $own.path | default .path }}
  port: http
periodSeconds: {{ $own.periodSeconds | default $timing.periodSeconds }}
timeoutSeconds: {{ $own.timeoutSeconds | default $timing.timeoutSeconds }}
failureThreshold: {{ $own.failureThreshold | default $timing.failureThreshold }}
{{- with ($own.initialDelaySeconds | default $timing.initialDelaySeconds) }}
initialDelaySeconds: {{ . }}
{{- end }}
{{- end }}

{{/*
Access modes of the Documenten content PVC, as JSON {"modes": [...]}: persistence.accessModes, else
ReadWriteMany when more than one replica can run, else ReadWriteOnce. Argument: root
*/}}
{{- define "openzaak.documentenAccessModes" -}}
{{- $c := .Values.documenten }}
{{- $modes := $c.persistence.accessModes }}
{{- if not $modes }}
{{- $many := false }}
{{- if $c.autoscaling.enabled }}
{{- $many = gt (int $c.autoscaling.maxReplicas) 1 }}
{{- else }}
{{- $many = gt (int $c.replicaCount) 1 }}
{{- end }}
{{- $modes = list (ternary "ReadWriteMany" "ReadWriteOnce" $many) }}
{{- end }}
{{- toJson (dict "modes" $modes) }}
{{- end }}
