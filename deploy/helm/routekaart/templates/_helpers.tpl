{{- define "routekaart.labels" -}}
app.kubernetes.io/name: routekaart
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}

{{- define "routekaart.selector" -}}
app.kubernetes.io/name: routekaart
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "routekaart.env" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.key }}
{{- if .Values.smtp.existingSecret }}
- name: SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.smtp.existingSecret }}
      key: {{ .Values.smtp.key }}
{{- end }}
- name: PUBLIC_URL
  value: {{ .Values.publicUrl | quote }}
- name: HOST
  value: "0.0.0.0"
- name: PORT
  value: "3000"
- name: TRUST_PROXY
  value: "true"
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: MAIL_FROM
  value: {{ .Values.mailFrom | quote }}
- name: OPERATOR_NAME
  value: {{ .Values.operatorName | quote }}
{{- if .Values.contactEmail }}
- name: CONTACT_EMAIL
  value: {{ .Values.contactEmail | quote }}
{{- end }}
{{- end }}
