import { type BundlingOptions, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';

/** esbuild target matching the Lambda runtime (Node.js 24). */
export const esbuildTarget = 'node24';

/** The Lambda runtime ships the AWS SDK v3, so it is never bundled. */
export const externalModules = ['@aws-sdk/*'];

/**
 * ESM bundles may contain CommonJS dependencies that call `require` for Node built-ins; give them one.
 */
export const esmRequireBanner =
  "import { createRequire as __carelinkCreateRequire } from 'node:module';const require = __carelinkCreateRequire(import.meta.url);";

/** How every Carelink function is bundled; the bundle-size script builds with the same settings. */
export const bundlingOptions: BundlingOptions = {
  format: OutputFormat.ESM,
  target: esbuildTarget,
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  externalModules,
  mainFields: ['module', 'main'],
  banner: esmRequireBanner,
};
