create table if not exists public.profiles (
  id uuid not null primary key,
  username text unique check (char_length(username) >= 3),
  full_name text,
  website text,
  owner_name text not null default current_user
);

alter table public.profiles enable row level security;
alter table public.profiles force row level security;

create policy "Public profiles are viewable by everyone." on public.profiles
  for select using (true);

create policy "Users can insert their own profile." on public.profiles
  for insert with check (owner_name = current_user);

create policy "Users can update own profile." on public.profiles
  for update using (owner_name = current_user) with check (owner_name = current_user);

grant select on public.profiles to public;
