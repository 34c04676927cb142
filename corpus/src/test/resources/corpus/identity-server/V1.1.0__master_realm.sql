INSERT INTO public.realm (id, name, enabled, ssl_required, access_token_lifespan, registration_allowed)
VALUES ('2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50', 'master', true, 'EXTERNAL', 60, false);

INSERT INTO public.realm_attribute (name, realm_id, value) VALUES
    ('displayName', '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50', 'Master'),
    ('displayNameHtml', '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50', E'<div class=\"kc-logo-text\"><span>Master</span></div>'),
    ('frontendUrl', '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50', '');

INSERT INTO public.keycloak_role (id, client_realm_constraint, client_role, description, name, realm_id) VALUES
    ('7b0c1d2e-3f40-4152-8364-758697a8b9c0', '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50', false, '${role_admin}', 'admin',
     '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50'),
    ('8c1d2e3f-4051-4263-9475-8697a8b9c0d1', '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50', false, '${role_offline-access}',
     'offline_access', '2a5f3a1e-4d3b-4c2e-9d6f-0b1c2d3e4f50');
