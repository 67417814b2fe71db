/** How the image runs node (bench/image-node.js): its ENTRYPOINT's node flags and its NODE_OPTIONS. */
export function imageNode(): { flags: string[]; nodeOptions: string };
