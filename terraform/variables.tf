variable "project_id" {
  description = "The Google Cloud project to deploy into (also the Firebase project)."
  type        = string
}

variable "region" {
  description = "Region of the functions, queues, buckets, Redis and the gateway. firebase.json's rewrites name the same region."
  type        = string
  default     = "europe-west1"
}

variable "firestore_location" {
  description = "Location of the Firestore database: a region or a multi-region such as eur3."
  type        = string
  default     = "eur3"
}

variable "functions_dist_dir" {
  description = "Folder holding <function>.zip for every function, as scripts/package-functions.sh writes them."
  type        = string
  default     = "../target/functions"
}

variable "app_version" {
  description = "The version GET /api/health reports."
  type        = string
  default     = "dev"
}

variable "backup_keep_days" {
  description = "Days a Firestore export is kept in the backup bucket before it is deleted."
  type        = number
  default     = 30
}

variable "redis_memory_size_gb" {
  description = "Memory of the Memorystore Redis instance (cache, rate limits)."
  type        = number
  default     = 1
}

variable "public_base_url" {
  description = "The address people and providers reach the app at (webhooks are sent there). Empty: https://<project_id>.web.app."
  type        = string
  default     = ""
}

variable "openai_enabled" {
  description = "Wire the openai-api-key secret into the functions that call OpenAI; give the secret a value first."
  type        = bool
  default     = true
}

variable "goapi_enabled" {
  description = "Wire the goapi-api-key and goapi-webhook-secret secrets into the functions that call GoAPI; give them values first."
  type        = bool
  default     = true
}

variable "anthropic_enabled" {
  description = "Wire the anthropic-api-key secret into the functions that call Anthropic; give the secret a value first."
  type        = bool
  default     = false
}

variable "gemini_enabled" {
  description = "Wire the gemini-api-key secret into the functions that call Gemini; give the secret a value first."
  type        = bool
  default     = false
}

variable "smtp_host" {
  description = "The SMTP server the tasks function sends e-mail through (mentions, replies, invitations)."
  type        = string
  default     = ""
}

variable "smtp_port" {
  description = "The SMTP server's port: 587 with STARTTLS, 465 with smtp_security = tls."
  type        = number
  default     = 587
}

variable "smtp_security" {
  description = "starttls (required), tls (from the first byte) or none."
  type        = string
  default     = "starttls"
}

variable "smtp_user" {
  description = "The SMTP login; its password goes in the smtp-password secret. Empty: no login (and no secret wired)."
  type        = string
  default     = ""
}

variable "mail_from" {
  description = "The sender of every e-mail, such as \"Content Creator <no-reply@example.com>\"."
  type        = string
  default     = "Content Creator <no-reply@localhost>"
}
