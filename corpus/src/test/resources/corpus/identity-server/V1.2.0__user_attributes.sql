CREATE TABLE public.user_attribute (
    name character varying(255) NOT NULL,
    value character varying(255),
    user_id character varying(36) NOT NULL,
    id character varying(36) DEFAULT 'sybase-needs-something-here'::character varying NOT NULL
);
ALTER TABLE ONLY public.user_attribute ADD CONSTRAINT constraint_user_attribute_pk PRIMARY KEY (id);
ALTER TABLE ONLY public.user_attribute
    ADD CONSTRAINT fk_5hrm2vlf9ql5fu043kqepovbr FOREIGN KEY (user_id) REFERENCES public.user_entity(id);
CREATE INDEX idx_user_attribute ON public.user_attribute USING btree (user_id);

ALTER TABLE public.user_attribute ALTER COLUMN value TYPE text;
ALTER TABLE public.realm ADD COLUMN default_locale character varying(255);
ALTER TABLE public.realm ALTER COLUMN access_token_lifespan SET DEFAULT 300;
UPDATE public.realm SET default_locale = 'en' WHERE name = 'master';
