import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment, IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { IContainer } from 'kubernetes-models/v1/Container';
import { IPod, Pod } from 'kubernetes-models/v1/Pod';
import { ISecret, Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { find, Manifest } from './helm';

type Model = new (data: never) => { validate(): void };

/** Every kind the chart renders, with the model that holds its Kubernetes API schema. */
const MODELS: Readonly<Record<string, Model>> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Pod': Pod,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute,
};

/**
 * Validates one object against its Kubernetes (or Prometheus Operator, or Gateway API CRD) JSON schema; throws
 * the schema errors, or when the kind has no schema here.
 */
export function validateManifest(manifest: Manifest): void {
  const model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  try {
    new model(manifest as never).validate();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${manifest.kind} ${manifest.metadata.name}: ${reason}`, { cause: error });
  }
}

/** The Deployment, typed (the schema validation of each render backs the cast). */
export function deploymentOf(manifests: Manifest[]): IDeployment {
  return find(manifests, 'Deployment') as unknown as IDeployment;
}

/** The gateway container of the Deployment (sidecars aside). */
export function containerOf(manifests: Manifest[]): IContainer {
  const containers = deploymentOf(manifests).spec?.template.spec?.containers ?? [];
  const gateway = containers.filter((c) => c.name === 'gateway');
  if (gateway.length !== 1)
    throw new Error(`expected one gateway container, got ${gateway.length}`);
  return gateway[0];
}

export function configMapOf(manifests: Manifest[]): IConfigMap {
  return find(manifests, 'ConfigMap') as unknown as IConfigMap;
}

export function secretOf(manifests: Manifest[], name?: string): ISecret {
  return find(manifests, 'Secret', name) as unknown as ISecret;
}

export function podOf(manifests: Manifest[], name: string): IPod {
  return find(manifests, 'Pod', name) as unknown as IPod;
}

/** `kind/name` of every object, in render order. */
export function kindsAndNames(manifests: Manifest[]): string[] {
  return manifests.map((m) => `${m.kind}/${m.metadata.name}`);
}
