// The load balancer's configuration for scripts/cluster.mjs, generated with private paths and loopback addresses:
// the same shape as docker/nginx.conf (test/deployment-files.spec.ts compares them).
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The load balancer's configuration: the same shape as docker/nginx.conf (upstream with passive health, retries of
 * idempotent requests on the next replica, WebSocket upgrade), with private paths and loopback addresses.
 */
export function nginxConfig({ dir, port, upstreams }) {
  const temp = (name) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    chmodSync(path, 0o777); // the workers run as nobody when the master is root
    return path;
  };
  return `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  upstream agenda_api {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 64;
  }
  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' '';
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://agenda_api;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_connect_timeout 1s;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 5s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}
