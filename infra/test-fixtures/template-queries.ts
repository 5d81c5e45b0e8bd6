import type { Template } from 'aws-cdk-lib/assertions';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

export type Resources = Record<string, CfnResource>;

export function resourcesOf(template: Template, type?: string): Resources {
  const all = template.toJSON().Resources as Resources;
  return Object.fromEntries(Object.entries(all).filter(([, resource]) => !type || resource.Type === type));
}

/** Every logical id a CloudFormation value refers to (`Ref` and `Fn::GetAtt`). */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'Ref' && typeof child === 'string') ids.add(child);
        else if (key === 'Fn::GetAtt' && Array.isArray(child) && typeof child[0] === 'string')
          ids.add(child[0]);
        else visit(child);
      }
    }
  };
  visit(value);
  return ids;
}

/** `METHOD /path` of every API Gateway method, with its authorization scopes. */
export function apiMethods(template: Template): Map<string, string[]> {
  const resources = resourcesOf(template, 'AWS::ApiGateway::Resource');
  const pathOf = (logicalId: string): string => {
    const resource = resources[logicalId];
    if (!resource) return '';
    const parent = resource.Properties?.ParentId as { Ref?: string } | undefined;
    return `${parent?.Ref ? pathOf(parent.Ref) : ''}/${String(resource.Properties?.PathPart)}`;
  };
  const methods = new Map<string, string[]>();
  for (const method of Object.values(resourcesOf(template, 'AWS::ApiGateway::Method'))) {
    const props = method.Properties ?? {};
    const resourceId = props.ResourceId as { Ref?: string };
    const path = resourceId.Ref ? pathOf(resourceId.Ref) : '/';
    methods.set(
      `${String(props.HttpMethod)} ${path}`,
      [...((props.AuthorizationScopes as string[]) ?? [])].sort(),
    );
  }
  return methods;
}

/**
 * A dependency cycle among a template's resources (through `Ref`, `Fn::GetAtt`, `Fn::Sub` and
 * `DependsOn`), as the logical ids around it, or undefined. CloudFormation refuses such a template.
 */
export function dependencyCycle(template: Template): string[] | undefined {
  const all = template.toJSON().Resources as Record<string, CfnResource & { DependsOn?: string | string[] }>;
  const edges = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(all)) {
    const targets = referencedIds(resource.Properties);
    const subs = JSON.stringify(resource.Properties ?? {}).matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g);
    for (const match of subs) targets.add(match[1] as string);
    for (const dependsOn of [resource.DependsOn ?? []].flat()) targets.add(dependsOn);
    edges.set(id, new Set([...targets].filter((target) => target in all)));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}
