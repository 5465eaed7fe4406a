# The platform's image: one-process mode by default (`node dist/src/main.js`); the same image runs split mode with
# `node dist/src/cli/start-gateway.js …` or `node dist/src/cli/start-subgraph.js <name> …` (see README, Deployment).

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# TypeScript to dist/, the explorer to dist/explorer; then only the runtime dependencies are kept.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
# A 64 MB semi-space: a request's short-lived objects die young instead of being promoted (as `npm start` runs it).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 NODE_OPTIONS=--max-semi-space-size=64
WORKDIR /app
# package.json marks the project root (schema/, security/, data/ are found from it).
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/security ./security
COPY --from=build /app/data ./data
USER node
EXPOSE 4000
# Not `npm start`: it would build again, and npm does not pass SIGTERM on for a graceful shutdown.
CMD ["node", "dist/src/main.js"]
