# API Gateway in front of the public functions, from api-gateway.yaml (Swagger 2.0, generated from
# docs/openapi.yaml by scripts/api-gateway-spec.mjs). Firebase Hosting serves the same routes through
# the rewrites of firebase.json; the gateway is for clients that call the API without the web app.

resource "google_api_gateway_api" "api" {
  provider = google-beta
  api_id   = "contentcreator"

  depends_on = [google_project_service.api]
}

resource "google_api_gateway_api_config" "api" {
  provider             = google-beta
  api                  = google_api_gateway_api.api.api_id
  api_config_id_prefix = "contentcreator-"

  openapi_documents {
    document {
      path = "api-gateway.yaml"
      contents = base64encode(templatefile("${path.module}/api-gateway.yaml", {
        for name, f in local.functions : name => google_cloudfunctions2_function.function[name].service_config[0].uri
        if f.access == "public"
      }))
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "google_api_gateway_gateway" "api" {
  provider   = google-beta
  region     = var.region
  gateway_id = "contentcreator"
  api_config = google_api_gateway_api_config.api.id
}
