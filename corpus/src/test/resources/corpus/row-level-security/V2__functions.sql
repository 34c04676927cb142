-- Runs with the owner's rights; the empty search_path keeps callers from shadowing objects.
create or replace function public.profile_count()
returns bigint
language sql
security definer
set search_path = ''
as $$
  select count(*) from public.profiles;
$$;

create or replace function public.handle_new_profile()
returns trigger
language plpgsql
security definer set search_path = public
as $$
begin
  if new.full_name is null then
    new.full_name := initcap(new.username);
  end if;
  return new;
end;
$$;

create trigger on_profile_created
  before insert on public.profiles
  for each row execute procedure public.handle_new_profile();

revoke all on function public.profile_count() from public;

insert into public.profiles (id, username, website, owner_name)
values ('6f1c1d7e-8f57-4c7a-9c53-0e6a2b0f3d11', 'ada_lovelace', 'https://example.org/ada', 'owner');
