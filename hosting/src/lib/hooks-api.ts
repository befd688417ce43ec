// The API calls of a project's outbound webhooks (owners): list, make, change, delete, rotate the
// secret, send a test, read the delivery log and send a message again.

import { bodyOf, doneOf, pageQuery, type Api } from "./api";
import type { Hook, HookChange, HookDelivery, IssuedHook, NewHook } from "./api-types";

export function listHooks(api: Api, projectId: string, cursor: string | null) {
  return bodyOf(api.client.GET("/api/projects/{projectId}/hooks", { params: { path: { projectId }, query: pageQuery(cursor) } }));
}

export function createHook(api: Api, projectId: string, body: NewHook): Promise<IssuedHook> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/hooks", { params: { path: { projectId } }, body }));
}

export function updateHook(api: Api, projectId: string, hookId: string, body: HookChange): Promise<Hook> {
  return bodyOf(api.client.PATCH("/api/projects/{projectId}/hooks/{hookId}", { params: { path: { projectId, hookId } }, body }));
}

export function deleteHook(api: Api, projectId: string, hookId: string): Promise<void> {
  return doneOf(api.client.DELETE("/api/projects/{projectId}/hooks/{hookId}", { params: { path: { projectId, hookId } } }));
}

export function rotateHook(api: Api, projectId: string, hookId: string): Promise<IssuedHook> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/hooks/{hookId}/rotate", { params: { path: { projectId, hookId } } }));
}

export function testHook(api: Api, projectId: string, hookId: string): Promise<HookDelivery> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/hooks/{hookId}/test", { params: { path: { projectId, hookId } } }));
}

export function listDeliveries(api: Api, projectId: string, hookId: string, cursor: string | null) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/hooks/{hookId}/deliveries", {
      params: { path: { projectId, hookId }, query: pageQuery(cursor) },
    }),
  );
}

export function resendDelivery(api: Api, projectId: string, hookId: string, deliveryId: string): Promise<HookDelivery> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/hooks/{hookId}/deliveries/{deliveryId}/resend", {
      params: { path: { projectId, hookId, deliveryId } },
    }),
  );
}
