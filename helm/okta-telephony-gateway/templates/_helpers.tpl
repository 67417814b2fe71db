{{/* Names, labels and small lookups shared by every template. */}}

{{/* Chart name, or nameOverride. */}}
{{- define "okta-telephony-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full resource name: fullnameOverride, else <release>-<name>, or the release name alone when it
already contains the name. Truncated to 63 characters (DNS label).
*/}}
{{- define "okta-telephony-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "okta-telephony-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object: the chart's own, then commonLabels (which never replace them). */}}
{{- define "okta-telephony-gateway.labels" -}}
{{- $own := dict "helm.sh/chart" (include "okta-telephony-gateway.chart" .) "app.kubernetes.io/name" (include "okta-telephony-gateway.name" .) "app.kubernetes.io/instance" .Release.Name "app.kubernetes.io/version" .Chart.AppVersion "app.kubernetes.io/managed-by" .Release.Service }}
{{- toYaml (merge $own (.Values.commonLabels | default dict)) }}
{{- end }}

{{/*
metadata of one object: .root (the top context), .name, and optionally .namespace (default: the
release's), .labels and .annotations of its own (merged over commonLabels and commonAnnotations).
*/}}
{{- define "okta-telephony-gateway.metadata" -}}
name: {{ .name }}
namespace: {{ .namespace | default .root.Release.Namespace | quote }}
labels:
  {{- include "okta-telephony-gateway.labels" .root | nindent 2 }}
  {{- with .labels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- with merge (deepCopy (.annotations | default dict)) (.root.Values.commonAnnotations | default dict) }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Labels that select the gateway pods; never change them (Deployment selectors are immutable). */}}
{{- define "okta-telephony-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "okta-telephony-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Label key of pods the NetworkPolicy always lets in (the helm test pod carries it). */}}
{{- define "okta-telephony-gateway.clientLabel" -}}
{{- printf "%s-client" (include "okta-telephony-gateway.fullname" . | trunc 56 | trimSuffix "-") }}
{{- end }}

{{/* ServiceAccount the pods run as. */}}
{{- define "okta-telephony-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "okta-telephony-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: [registry/]repository@digest, else [registry/]repository:tag (tag defaults to
appVersion); global.imageRegistry replaces image.registry.
*/}}
{{- define "okta-telephony-gateway.image" -}}
{{- $registry := dig "imageRegistry" "" (.Values.global | default dict) | default .Values.image.registry }}
{{- $repository := .Values.image.repository }}
{{- if $registry }}
{{- $repository = printf "%s/%s" (trimSuffix "/" $registry) $repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* imagePullSecrets of a pod: imagePullSecrets then global.imagePullSecrets, each name once. */}}
{{- define "okta-telephony-gateway.imagePullSecrets" -}}
{{- $names := list }}
{{- range concat (.Values.imagePullSecrets | default list) (dig "imagePullSecrets" list (.Values.global | default dict)) }}
{{- if kindIs "string" . }}
{{- $names = append $names . }}
{{- else }}
{{- $names = append $names .name }}
{{- end }}
{{- end }}
{{- with $names | uniq }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . | quote }}
  {{- end }}
{{- end }}
{{- end }}

{{/* True when the chart creates the Secret (secrets.values given, no existingSecret). */}}
{{- define "okta-telephony-gateway.createSecret" -}}
{{- if and (not .Values.secrets.existingSecret) .Values.secrets.values }}true{{ end }}
{{- end }}

{{/* Name of the Secret the pods read, or empty when there is none. */}}
{{- define "okta-telephony-gateway.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if .Values.secrets.values }}
{{- include "okta-telephony-gateway.fullname" . }}
{{- end }}
{{- end }}

{{/* Replicas the gateway is told it runs as (server.replicas): the most pods that can run at once. */}}
{{- define "okta-telephony-gateway.declaredReplicas" -}}
{{- if .Values.autoscaling.enabled }}
{{- .Values.autoscaling.maxReplicas | int }}
{{- else }}
{{- .Values.replicaCount | int }}
{{- end }}
{{- end }}

{{/* Base URL Okta calls: the ingress host, else the HTTPRoute's first host name (https), or empty. */}}
{{- define "okta-telephony-gateway.publicUrl" -}}
{{- if and .Values.ingress.enabled .Values.ingress.host }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- else if and .Values.httpRoute.enabled .Values.httpRoute.hostnames }}
{{- printf "https://%s" (first .Values.httpRoute.hostnames) }}
{{- end }}
{{- end }}

{{/* Name of the metrics Service. */}}
{{- define "okta-telephony-gateway.metricsServiceName" -}}
{{- printf "%s-metrics" (include "okta-telephony-gateway.fullname" . | trunc 55 | trimSuffix "-") }}
{{- end }}

{{/* True when /metrics has a port of its own (metrics.containerPort). */}}
{{- define "okta-telephony-gateway.metricsPortSet" -}}
{{- if not (kindIs "invalid" .Values.metrics.containerPort) }}true{{ end }}
{{- end }}

{{/* A number (as an integer) or a percentage string (quoted), for IntOrString fields. */}}
{{- define "okta-telephony-gateway.intOrString" -}}
{{- if kindIs "string" . }}{{ . | quote }}{{ else }}{{ . | int }}{{ end }}
{{- end }}
