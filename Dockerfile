# One image for api, worker and admin (docker-compose.yml picks the command). Node 20 on Debian, as here.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/admin/package.json apps/admin/
COPY libs/domain/package.json libs/domain/
COPY libs/contracts/package.json libs/contracts/
COPY libs/persistence/package.json libs/persistence/
COPY libs/activities/package.json libs/activities/
COPY workflows/package.json workflows/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run --workspace apps/admin build
ENV NODE_ENV=production
